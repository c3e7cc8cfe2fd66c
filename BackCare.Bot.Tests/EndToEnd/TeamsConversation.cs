using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BackCare.Bot.Tests.Conversation;
using BackCare.Bot.TestSupport;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Activity = Microsoft.Bot.Schema.Activity;

namespace BackCare.Bot.Tests.EndToEnd;

/// <summary>
/// One Teams personal chat with the running bot, in normal delivery: each activity is POSTed to /api/messages
/// (no deliveryMode, so the bot answers 200 with no body) and its replies are read from the fake connector,
/// where the bot POSTed them to {serviceUrl}/v3/conversations/{id}/activities/{activity id}.
/// </summary>
public sealed class TeamsConversation : IDisposable
{
    public const string TenantId = "72f988bf-0000-4000-8000-00000000e2e0";

    /// <summary>The locale Teams sends with every activity of this user.</summary>
    public const string Locale = "en-US";

    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    private readonly BotProcess _bot;
    private readonly FakeConnector _connector;
    private readonly HttpClient _http;
    private readonly ChannelAccount _user;
    private readonly ChannelAccount _botAccount = new("28:backcare-bot", "BackCare");
    private readonly HashSet<string> _sentIds = [];

    public TeamsConversation(BotProcess bot, FakeConnector connector)
    {
        _bot = bot;
        _connector = connector;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{bot.Port}/"), Timeout = TimeSpan.FromSeconds(30) };
        Id = "a:" + Guid.NewGuid().ToString("N");
        _user = new ChannelAccount("29:" + Guid.NewGuid().ToString("N"), "Test User") { AadObjectId = Guid.NewGuid().ToString() };
    }

    public string Id { get; }

    /// <summary>The user's Teams id (the one reminder subscriptions are stored under).</summary>
    public string UserId => _user.Id;

    /// <summary>The offset of the user's clock from UTC, sent as every activity's localTimestamp (as Teams does).</summary>
    public TimeSpan LocalOffset { get; set; }

    /// <summary>Every message the bot sent in this conversation so far, in arrival order.</summary>
    public List<IActivity> AllMessages() => ReceivedMessages().Select(ToActivity).ToList();

    /// <summary>Every message the bot sent in this conversation so far, as the connector received it, with when.</summary>
    public List<ReceivedReply> ReceivedMessages() =>
        _connector.Replies.Where(r => r.ConversationId == Id && r.Type == ActivityTypes.Message).ToList();

    /// <summary>
    /// Messages the bot sent on its own (proactive turns), in arrival order: those that do not answer any activity this
    /// conversation sent, whichever connector path they came to.
    /// </summary>
    public List<ReceivedReply> Unprompted() =>
        _connector.Replies
            .Where(r => r.ConversationId == Id && r.Type == ActivityTypes.Message && (r.ReplyToId is null || !_sentIds.Contains(r.ReplyToId)))
            .ToList();

    /// <summary>Waits (bounded by <paramref name="timeout"/>) until the bot has sent <paramref name="count"/> messages on its own; returns them all.</summary>
    public Task<List<ReceivedReply>> WaitForUnpromptedAsync(int count, TimeSpan timeout) =>
        WaitForAsync(Unprompted, count, timeout, "messages from the bot on its own");

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

    /// <summary>
    /// The app uninstalled: the installationUpdate with <paramref name="action"/> "remove" (or "remove-upgrade", an
    /// upgrade to a version without the bot).
    /// </summary>
    public Activity Uninstalled(string action = "remove")
    {
        var activity = New(ActivityTypes.InstallationUpdate);
        activity.Action = action;
        return activity;
    }

    /// <summary>The conversationUpdate whose membersRemoved is the bot, which Teams sends with the uninstall.</summary>
    public Activity BotRemoved()
    {
        var activity = New(ActivityTypes.ConversationUpdate);
        activity.MembersRemoved = [_botAccount];
        return activity;
    }

    public Task<List<IActivity>> SayAsync(string text, int expectedMessages = 1) => SendAsync(Message(text), expectedMessages);

    /// <summary>A typed message of this user, to post as it is.</summary>
    public Activity Message(string text)
    {
        var activity = New(ActivityTypes.Message);
        activity.Text = text;
        return activity;
    }

    /// <summary>
    /// Posts <paramref name="activity"/> and hangs up (the client cancels the request, closing its connection) as soon
    /// as <paramref name="hangUpWhen"/> completes, as Teams does when a bot has not answered within 15 s.
    /// </summary>
    public async Task PostAndHangUpAsync(Activity activity, Task hangUpWhen)
    {
        _sentIds.Add(activity.Id);
        using var hangUp = new CancellationTokenSource();
        using var client = new HttpClient { BaseAddress = _http.BaseAddress };
        using var content = new StringContent(JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }), Encoding.UTF8, "application/json");
        var post = client.PostAsync(new Uri("api/messages", UriKind.Relative), content, hangUp.Token);
        await hangUpWhen.WaitAsync(ReplyTimeout);
        Assert.False(post.IsCompleted, "The bot answered before the client hung up.");
        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);
    }

    /// <summary>The messages the bot sent in reply to <paramref name="activity"/>, once at least <paramref name="expectedMessages"/> have arrived.</summary>
    public Task<List<IActivity>> RepliesToAsync(Activity activity, int expectedMessages = 1) => RepliesAsync(activity, expectedMessages);

    /// <summary>An Adaptive Card Action.Submit as Teams sends it: a message with only a value.</summary>
    /// <param name="fromMessage">The id of the message whose card was pressed, which Teams sends as replyToId.</param>
    public Task<List<IActivity>> SubmitAsync(JObject value, int expectedMessages = 1, string? fromMessage = null)
    {
        var activity = New(ActivityTypes.Message);
        activity.Value = value.DeepClone();
        activity.ReplyToId = fromMessage;
        return SendAsync(activity, expectedMessages);
    }

    /// <summary>Presses a button by title: a card's submit as a value-only message naming the card's message, a suggested action as its text.</summary>
    public Task<List<IActivity>> ClickAsync(IActivity reply, string title, int expectedMessages = 1)
    {
        var button = Replies.Buttons(reply).FirstOrDefault(b => b.Title == title)
            ?? throw new InvalidOperationException($"No button '{title}' on: {string.Join(", ", Replies.Buttons(reply).Select(b => b.Title))}");
        return button.SubmitData is { } data ? SubmitAsync(data, expectedMessages, reply.Id) : SayAsync(button.ImBackText!, expectedMessages);
    }

    /// <summary>
    /// Posts <paramref name="activity"/> and returns the messages the connector received in reply to it, after
    /// waiting (bounded) until at least <paramref name="expectedMessages"/> have arrived.
    /// </summary>
    public async Task<List<IActivity>> SendAsync(Activity activity, int expectedMessages = 1)
    {
        var (status, body) = await PostAsync(activity);
        if (status != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"The bot answered {(int)status}: {body}\n{_bot.Output()}");
        }

        return await RepliesAsync(activity, expectedMessages);
    }

    /// <summary>
    /// An Adaptive Card Action.Execute as Teams sends it: an invoke named adaptiveCard/action. Returns the HTTP answer
    /// (the invoke response is its body) and the messages the bot sent for it.
    /// </summary>
    public async Task<(HttpStatusCode Status, string Body, List<IActivity> Replies)> ExecuteAsync(JObject? data, string? verb = null, int expectedMessages = 1)
    {
        var activity = NewInvoke("adaptiveCard/action", new JObject
        {
            ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data?.DeepClone() },
            ["trigger"] = "manual",
        });
        var (status, body) = await PostAsync(activity);
        return (status, body, status == HttpStatusCode.OK ? await RepliesAsync(activity, expectedMessages) : []);
    }

    /// <summary>An invoke named <paramref name="name"/> with <paramref name="value"/>, to post as it is.</summary>
    public Activity NewInvoke(string name, JObject value)
    {
        var activity = New(ActivityTypes.Invoke);
        activity.Name = name;
        activity.Value = value;
        return activity;
    }

    public async Task<(HttpStatusCode Status, string Body)> PostAsync(Activity activity)
    {
        _sentIds.Add(activity.Id);
        using var content = new StringContent(JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(new Uri("api/messages", UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<IActivity>> RepliesAsync(Activity activity, int expectedMessages) =>
        (await WaitForAsync(() => RepliesTo(activity.Id), expectedMessages, ReplyTimeout, $"replies to '{activity.Text ?? JsonConvert.SerializeObject(activity.Value) ?? activity.Type}'"))
            .Select(ToActivity)
            .ToList();

    public void Dispose() => _http.Dispose();

    /// <summary>The activity as the user sees it: with the id the connector gave it, marked when it replaced an earlier message.</summary>
    public static IActivity ToActivity(ReceivedReply reply)
    {
        var activity = JsonConvert.DeserializeObject<Activity>(reply.Activity.ToJsonString())!;
        activity.Id = reply.Id;
        if (reply.IsUpdate)
        {
            activity.Properties[UpdateRecordingTestAdapter.UpdateMarker] = true;
        }

        return activity;
    }

    private List<ReceivedReply> RepliesTo(string activityId) =>
        _connector.Replies
            .Where(r => r.ConversationId == Id && r.ReplyToId == activityId && r.Type == ActivityTypes.Message)
            .ToList();

    /// <summary>Polls <paramref name="read"/> until it holds <paramref name="count"/> items; a timeout names what was missing and shows the bot's output.</summary>
    private async Task<List<ReceivedReply>> WaitForAsync(Func<List<ReceivedReply>> read, int count, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = read();
            if (found.Count >= count)
            {
                return found;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"Expected {count} {what}, got {found.Count}: " + string.Join(" | ", found.Select(r => Replies.Text(ToActivity(r)))) + "\n" + _bot.Output());
            }

            await Task.Delay(50);
        }
    }

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
        LocalTimestamp = DateTimeOffset.UtcNow.ToOffset(LocalOffset),
        Locale = Locale,
    };
}
