using System.Diagnostics;
using Activity = Microsoft.Bot.Schema.Activity;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BackCare.Bot.Tests.Conversation;
using BackCare.Bot.Tests.Hosting;
using BackCare.Bot.Tests.Storage;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.EndToEnd;

/// <summary>
/// One Teams personal chat with the running bot, in normal delivery: each activity is POSTed to /api/messages
/// (no deliveryMode, so the bot answers 200 with no body) and its replies are read from the fake connector,
/// where the bot POSTed them to {serviceUrl}/v3/conversations/{id}/activities/{activity id}.
/// </summary>
public sealed class TeamsConversation : IDisposable
{
    public const string TenantId = "72f988bf-0000-4000-8000-00000000e2e0";

    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    private readonly BotProcess _bot;
    private readonly FakeConnector _connector;
    private readonly HttpClient _http;
    private readonly ChannelAccount _user;
    private readonly ChannelAccount _botAccount = new("28:backcare-bot", "BackCare");

    public TeamsConversation(BotProcess bot, FakeConnector connector)
    {
        _bot = bot;
        _connector = connector;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{bot.Port}/"), Timeout = TimeSpan.FromSeconds(30) };
        Id = "a:" + Guid.NewGuid().ToString("N");
        _user = new ChannelAccount("29:" + Guid.NewGuid().ToString("N"), "Test User") { AadObjectId = Guid.NewGuid().ToString() };
    }

    public string Id { get; }

    /// <summary>Every message the bot sent in this conversation so far, in arrival order.</summary>
    public List<IActivity> AllMessages() => ReceivedMessages().Select(ToActivity).ToList();

    /// <summary>Every message the bot sent in this conversation so far, as the connector received it, with when.</summary>
    public List<ReceivedReply> ReceivedMessages() =>
        _connector.Replies.Where(r => r.ConversationId == Id && r.Type == ActivityTypes.Message).ToList();

    /// <summary>Teams adding the bot to a personal chat: a conversationUpdate whose membersAdded is the bot.</summary>
    public Activity BotAdded()
    {
        var activity = New(ActivityTypes.ConversationUpdate);
        activity.MembersAdded = [_botAccount];
        return activity;
    }

    /// <summary>The installationUpdate (action "add") Teams also sends for the same install.</summary>
    public Activity Installed()
    {
        var activity = New(ActivityTypes.InstallationUpdate);
        activity.Action = "add";
        return activity;
    }

    public Task<List<IActivity>> SayAsync(string text, int expectedMessages = 1)
    {
        var activity = New(ActivityTypes.Message);
        activity.Text = text;
        return SendAsync(activity, expectedMessages);
    }

    /// <summary>An Adaptive Card Action.Submit as Teams sends it: a message with only a value.</summary>
    public Task<List<IActivity>> SubmitAsync(JObject value, int expectedMessages = 1)
    {
        var activity = New(ActivityTypes.Message);
        activity.Value = value.DeepClone();
        return SendAsync(activity, expectedMessages);
    }

    /// <summary>Presses a button by title: a card's submit as a value-only message, a suggested action as its text.</summary>
    public Task<List<IActivity>> ClickAsync(IActivity reply, string title, int expectedMessages = 1)
    {
        var button = Replies.Buttons(reply).FirstOrDefault(b => b.Title == title)
            ?? throw new InvalidOperationException($"No button '{title}' on: {string.Join(", ", Replies.Buttons(reply).Select(b => b.Title))}");
        return button.SubmitData is { } data ? SubmitAsync(data, expectedMessages) : SayAsync(button.ImBackText!, expectedMessages);
    }

    /// <summary>
    /// Posts <paramref name="activity"/> and returns the messages the connector received in reply to it, after
    /// waiting (bounded) until at least <paramref name="expectedMessages"/> have arrived.
    /// </summary>
    public async Task<List<IActivity>> SendAsync(Activity activity, int expectedMessages = 1)
    {
        using var content = new StringContent(JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using (var response = await _http.PostAsync(new Uri("api/messages", UriKind.Relative), content))
        {
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new HttpRequestException($"The bot answered {(int)response.StatusCode}: {body}\n{_bot.Output()}");
            }
        }

        var clock = Stopwatch.StartNew();
        while (true)
        {
            var replies = RepliesTo(activity.Id);
            if (replies.Count >= expectedMessages)
            {
                return replies;
            }

            if (clock.Elapsed > ReplyTimeout)
            {
                throw new TimeoutException(
                    $"Expected {expectedMessages} replies to '{activity.Text ?? JsonConvert.SerializeObject(activity.Value) ?? activity.Type}', got {replies.Count}: "
                    + string.Join(" | ", replies.Select(Replies.Text)) + "\n" + _bot.Output());
            }

            await Task.Delay(50);
        }
    }

    public void Dispose() => _http.Dispose();

    private static IActivity ToActivity(ReceivedReply reply) => reply.Activity.ToObject<Activity>()!;

    private List<IActivity> RepliesTo(string activityId) =>
        _connector.Replies
            .Where(r => r.ConversationId == Id && r.ReplyToId == activityId && r.Type == ActivityTypes.Message)
            .Select(ToActivity)
            .ToList();

    private Activity New(string type) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "msteams",
        ServiceUrl = _connector.ServiceUrl,
        From = _user,
        Recipient = _botAccount,
        Conversation = new ConversationAccount(id: Id, conversationType: "personal", tenantId: TenantId),
        ChannelData = new JObject { ["tenant"] = new JObject { ["id"] = TenantId } },
        Timestamp = DateTimeOffset.UtcNow,
        LocalTimestamp = DateTimeOffset.UtcNow,
        Locale = "en-US",
    };
}
