using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackCare.Bot.TestSupport;

/// <summary>
/// The Bot Connector's side of normal delivery, on a loopback port: it takes the replies a bot POSTs to
/// {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}] and the updates it PUTs to .../activities/{activityId},
/// and answers as the Bot Connector does, with the activity's id. A test can make it misbehave: refuse the next few
/// (<see cref="Failures"/>), refuse everything or never answer (<see cref="Status"/>), or hold replies
/// (<see cref="HoldReplies"/>).
/// </summary>
/// <remarks>
/// What arrives is kept in <see cref="Requests"/>, with the TCP connection each came on, and handed to the inbox
/// <see cref="Open"/>ed for its conversation, if any. The load test starts it with <c>keepRequests: false</c>, so
/// that a long run keeps nothing but the open inboxes.
/// </remarks>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly bool _keepRequests;
    private readonly ConcurrentQueue<ReceivedReply> _requests = new();
    private readonly ConcurrentDictionary<string, ConversationInbox> _inboxes = new(StringComparer.Ordinal);
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private WebApplication _app = null!;
    private long _nextId;
    private long _attempts;
    private long _received;
    private long _updates;
    private long _stray;
    private TaskCompletionSource? _hold;
    private TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeConnector(bool keepRequests)
    {
        _keepRequests = keepRequests;
    }

    /// <summary>The serviceUrl to put in activities, ending with a slash as channels send it.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Every request that brought an activity, in arrival order, whatever it was answered.</summary>
    public IReadOnlyList<ReceivedReply> Requests =>
        _keepRequests ? _requests.ToArray() : throw new InvalidOperationException("This connector was started with keepRequests: false.");

    /// <summary>The activities it accepted (answered 200), in arrival order.</summary>
    public IReadOnlyList<ReceivedReply> Replies => Requests.Where(r => r.Accepted).ToArray();

    /// <summary>Every request that arrived: refused, held and unanswered ones included.</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>Activities accepted since start.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Of those, updates of an earlier message (PUT).</summary>
    public long Updates => Interlocked.Read(ref _updates);

    /// <summary>Of those, activities for conversations with no inbox open.</summary>
    public long Stray => Interlocked.Read(ref _stray);

    /// <summary>Status codes to answer the next requests with instead of accepting them (a throttled or failing channel).</summary>
    public ConcurrentQueue<int> Failures { get; } = new();

    /// <summary>What every other request is answered with: 200 accepts it, another code refuses it, null never answers.</summary>
    public int? Status { get; set; } = 200;

    /// <summary>The Retry-After sent with a refusal, in seconds.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Completes when a reply is waiting since <see cref="HoldReplies"/>.</summary>
    public Task ReplyHeld => _held.Task;

    /// <summary>Starts a connector that keeps every request it gets.</summary>
    public static Task<FakeConnector> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(keepRequests: true, cancellationToken);

    /// <param name="keepRequests">False: keep nothing but what the open inboxes hold (<see cref="Requests"/> then throws).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<FakeConnector> StartAsync(bool keepRequests, CancellationToken cancellationToken = default)
    {
        var connector = new FakeConnector(keepRequests);
        (connector._app, connector.ServiceUrl) = await LoopbackApp.StartAsync(
            app =>
            {
                app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (HttpContext context, string conversationId, string replyToId) => connector.ReceiveAsync(context, conversationId, replyToId, null));
                app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext context, string conversationId) => connector.ReceiveAsync(context, conversationId, null, null));
                app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext context, string conversationId, string activityId) => connector.ReceiveAsync(context, conversationId, null, activityId));
            },
            cancellationToken).ConfigureAwait(false);
        return connector;
    }

    /// <summary>Starts collecting the accepted activities of <paramref name="conversationId"/>.</summary>
    public ConversationInbox Open(string conversationId)
    {
        var inbox = new ConversationInbox();
        _inboxes[conversationId] = inbox;
        return inbox;
    }

    /// <summary>Stops collecting them: anything arriving later is stray.</summary>
    public void Close(string conversationId) => _inboxes.TryRemove(conversationId, out _);

    /// <summary>
    /// Makes replies wait, unanswered, until <see cref="ReleaseReplies"/> (a slow channel, for a test that hangs up on
    /// the bot mid-turn); <see cref="ReplyHeld"/> completes when the first one is waiting.
    /// </summary>
    public void HoldReplies()
    {
        _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Lets the waiting replies through, and those after them.</summary>
    public void ReleaseReplies() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <param name="updatedId">The message a PUT replaces; the turn it answers is then the body's replyToId.</param>
    private async Task<IResult> ReceiveAsync(HttpContext context, string conversationId, string? replyToId, string? updatedId)
    {
        Interlocked.Increment(ref _attempts);

        // Read first, whatever the answer: a refused activity has still reached the connector.
        if (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) is not JsonObject activity)
        {
            return Results.BadRequest();
        }

        if (_hold is { } hold)
        {
            _held.TrySetResult();
            await hold.Task.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var status = Failures.TryDequeue(out var failure) ? failure : Status;
        if (updatedId is not null && status == 200 && _keepRequests && !_requests.Any(r => r.Accepted && r.ConversationId == conversationId && r.Id == updatedId))
        {
            status = StatusCodes.Status404NotFound;
        }

        var reply = new ReceivedReply(
            conversationId,
            updatedId is null ? replyToId : (string?)activity["replyToId"],
            context.Connection.Id,
            context.Request.Headers.UserAgent.ToString(),
            activity,
            Stopwatch.GetElapsedTime(_startedAt),
            updatedId ?? $"reply-{Interlocked.Increment(ref _nextId)}",
            IsUpdate: updatedId is not null,
            status);
        Keep(reply);

        switch (status)
        {
            case null:
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
                return Results.Empty;
            case StatusCodes.Status200OK:
                // What the Bot Connector answers: a ResourceResponse with the activity's id.
                return Results.Json(new { id = reply.Id });
            default:
                if (RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                return Results.StatusCode(status.Value);
        }
    }

    private void Keep(ReceivedReply reply)
    {
        if (_keepRequests)
        {
            _requests.Enqueue(reply);
        }

        if (!reply.Accepted)
        {
            return;
        }

        Interlocked.Increment(ref _received);
        if (reply.IsUpdate)
        {
            Interlocked.Increment(ref _updates);
        }

        if (_inboxes.TryGetValue(reply.ConversationId, out var inbox))
        {
            inbox.Add(reply);
        }
        else
        {
            Interlocked.Increment(ref _stray);
        }
    }
}
