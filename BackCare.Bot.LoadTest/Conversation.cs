using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BackCare.Bot.TestSupport;

namespace BackCare.Bot.LoadTest;

/// <summary>
/// One user's conversation with a bot over real HTTP, as a channel would carry it: each turn is an
/// activity POSTed to /api/messages, and its replies come back either in the response
/// (expectReplies) or through the fake connector (normal). Every turn is timed and its replies are
/// counted against what the script expects.
/// </summary>
internal sealed class Conversation
{
    private const string BotId = "backcare-bot";

    private readonly HttpClient _http;
    private readonly Lane _lane;
    private readonly string _channelId;
    private readonly string _serviceUrl;
    private readonly ConversationInbox _inbox;
    private readonly TurnTally _tally;
    private readonly long _stopAt;
    private int _sequence;

    public Conversation(HttpClient http, Lane lane, string channelId, string serviceUrl, ConversationInbox inbox, TurnTally tally, long stopAt, string conversationId, string userId)
    {
        _http = http;
        _lane = lane;
        _channelId = channelId;
        _serviceUrl = serviceUrl;
        _inbox = inbox;
        _tally = tally;
        _stopAt = stopAt;
        Id = conversationId;
        UserId = userId;
    }

    public string Id { get; }

    public string UserId { get; }

    /// <summary>Whether the bot can change its cards in place here: only when its replies go through the connector (normal delivery).</summary>
    public bool CardsUpdateInPlace => _lane.Delivery == Delivery.Normal;

    /// <summary>The user joins: a conversationUpdate with the user in membersAdded.</summary>
    public Task<List<Reply>> JoinAsync(int expectedReplies, CancellationToken cancellationToken) =>
        TurnAsync(activity =>
        {
            activity["type"] = "conversationUpdate";
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = UserId, ["name"] = "Load test user" });
        }, TurnKind.Join, expectedReplies, exactly: true, "(joins)", cancellationToken);

    /// <summary>A typed message.</summary>
    public Task<List<Reply>> SayAsync(string text, int expectedReplies, CancellationToken cancellationToken) =>
        TurnAsync(Text(text), TurnKind.Text, expectedReplies, exactly: true, $"\"{text}\"", cancellationToken);

    /// <summary>
    /// A typed message whose answer the script cannot know in advance (free text: an answer, a question back, a
    /// re-asked prompt): at least <paramref name="minimumReplies"/> replies, a shortfall counted as lost, more not extra.
    /// </summary>
    public Task<List<Reply>> SayFreelyAsync(string text, int minimumReplies, CancellationToken cancellationToken) =>
        TurnAsync(Text(text), TurnKind.Text, minimumReplies, exactly: false, $"\"{text}\"", cancellationToken);

    /// <summary>An Adaptive Card's Action.Submit as Teams sends it: a message with the data as Value and no text.</summary>
    public Task<List<Reply>> SubmitAsync(JsonObject data, int expectedReplies, CancellationToken cancellationToken) =>
        TurnAsync(activity =>
        {
            activity["type"] = "message";
            activity["value"] = data.DeepClone();
        }, TurnKind.Submit, expectedReplies, exactly: true, $"submit {data.ToJsonString()}", cancellationToken);

    /// <summary>
    /// Replies that reached the connector for this conversation after the last turn was over: none
    /// should, since the bot sends them before it answers the turn's POST. Counted as extra.
    /// </summary>
    public void CountLateReplies()
    {
        var late = _inbox.Take();
        _tally.Extra += late.Count;
    }

    private static Action<JsonObject> Text(string text) => activity =>
    {
        activity["type"] = "message";
        activity["text"] = text;
        activity["textFormat"] = "plain";
    };

    private async Task<List<Reply>> TurnAsync(Action<JsonObject> fill, TurnKind kind, int expectedReplies, bool exactly, string what, CancellationToken cancellationToken)
    {
        if (Stopwatch.GetTimestamp() >= _stopAt)
        {
            throw new RoundOverException();
        }

        CountLateReplies();
        var activityId = string.Create(CultureInfo.InvariantCulture, $"{Id}-{++_sequence}");
        var activity = new JsonObject
        {
            ["id"] = activityId,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["channelId"] = _channelId,
            ["serviceUrl"] = _serviceUrl,
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Load test user" },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Bot" },
            ["conversation"] = new JsonObject { ["id"] = Id },
            ["locale"] = "en-US",
        };
        fill(activity);
        if (_lane.Delivery == Delivery.ExpectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        var start = Stopwatch.GetTimestamp();
        HttpStatusCode status;
        string body;
        try
        {
            using var response = await _http.PostAsync(_lane.MessagesUrl, content, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Record(kind, start);
            throw new ScriptException($"{what}: {exception.GetType().Name}: {exception.Message}");
        }

        Record(kind, start);
        if (status != HttpStatusCode.OK)
        {
            throw new ScriptException($"{what}: HTTP {(int)status} {Shorten(body)}");
        }

        var all = _lane.Delivery == Delivery.ExpectReplies ? FromBody(body, what) : _inbox.Take().Select(r => Reply.From(r.Activity, r.ReplyToId)).ToList();
        var replies = all.Where(r => r.IsMessage).ToList();
        _tally.Replies += replies.Count;
        if (_lane.Delivery == Delivery.Normal)
        {
            _tally.Misaddressed += replies.Count(r => r.ReplyToId != activityId);
        }

        if (replies.Count < expectedReplies)
        {
            _tally.Lost += expectedReplies - replies.Count;
        }
        else if (exactly && replies.Count > expectedReplies)
        {
            _tally.Extra += replies.Count - expectedReplies;
        }

        if (replies.FirstOrDefault(_lane.Script.IsFailure) is { } failure)
        {
            throw new ScriptException($"{what}: the bot answered \"{Shorten(failure.Text)}\"");
        }

        return replies;
    }

    private void Record(TurnKind kind, long start)
    {
        var end = Stopwatch.GetTimestamp();
        _tally.Record(kind, end - start);
        _tally.LastCompletion = end;
    }

    private static List<Reply> FromBody(string body, string what)
    {
        try
        {
            var activities = JsonNode.Parse(body)?["activities"]?.AsArray()
                ?? throw new ScriptException($"{what}: the expectReplies response has no activities");
            return activities.OfType<JsonNode>().Select(a => Reply.From(a)).ToList();
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new ScriptException($"{what}: the response is not JSON: {exception.Message}");
        }
    }

    private static string Shorten(string? text) =>
        text is null ? string.Empty : text.Length <= 120 ? text : text[..120] + "…";
}
