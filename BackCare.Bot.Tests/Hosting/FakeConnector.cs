using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Hosting;

/// <summary>
/// The Bot Connector's side of normal delivery, on a loopback port: it takes the replies a bot POSTs
/// to {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}] and the updates it PUTs to
/// .../activities/{activityId}, and keeps them, with the TCP connection each came on, so a test can
/// tell whether connections were reused.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private WebApplication _app = null!;
    private readonly ConcurrentQueue<ReceivedReply> _replies = new();
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private int _nextId;
    private int _attempts;
    private TaskCompletionSource? _hold;
    private TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeConnector()
    {
    }

    /// <summary>The serviceUrl to put in activities, ending with a slash as channels send it.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    public IReadOnlyList<ReceivedReply> Replies => _replies.ToArray();

    /// <summary>Status codes to answer the next POSTs with instead of accepting them (a throttled or failing channel).</summary>
    public ConcurrentQueue<int> Failures { get; } = new();

    /// <summary>Every POST that arrived, refused ones included.</summary>
    public int Attempts => _attempts;

    /// <summary>
    /// Makes replies wait, unanswered, until <see cref="ReleaseReplies"/> (a slow channel, for a test that hangs up on
    /// the bot mid-turn); <see cref="ReplyHeld"/> completes when the first one is waiting.
    /// </summary>
    public void HoldReplies()
    {
        _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Completes when a reply is waiting since <see cref="HoldReplies"/>.</summary>
    public Task ReplyHeld => _held.Task;

    /// <summary>Lets the waiting replies through, and those after them.</summary>
    public void ReleaseReplies() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        (connector._app, connector.ServiceUrl) = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (HttpContext context, string conversationId, string replyToId) => connector.ReceiveAsync(context, conversationId, replyToId));
            app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext context, string conversationId) => connector.ReceiveAsync(context, conversationId, null));
            app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext context, string conversationId, string activityId) => connector.ReceiveUpdateAsync(context, conversationId, activityId));
        });
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext context, string conversationId, string? replyToId)
    {
        Interlocked.Increment(ref _attempts);
        if (_hold is { } hold)
        {
            _held.TrySetResult();
            await hold.Task.WaitAsync(context.RequestAborted);
        }

        if (Failures.TryDequeue(out var status))
        {
            return Results.StatusCode(status);
        }

        var receivedAt = Stopwatch.GetElapsedTime(_startedAt);
        var activity = await ReadActivityAsync(context);
        var id = $"reply-{Interlocked.Increment(ref _nextId)}";
        _replies.Enqueue(new ReceivedReply(conversationId, replyToId, context.Connection.Id, context.Request.Headers.UserAgent.ToString(), activity, receivedAt, id));
        return Results.Json(new { id });
    }

    /// <summary>An update replaces a message sent before; its body's replyToId is the activity the bot was answering.</summary>
    private async Task<IResult> ReceiveUpdateAsync(HttpContext context, string conversationId, string activityId)
    {
        Interlocked.Increment(ref _attempts);
        if (Failures.TryDequeue(out var status))
        {
            return Results.StatusCode(status);
        }

        var receivedAt = Stopwatch.GetElapsedTime(_startedAt);
        var activity = await ReadActivityAsync(context);
        if (!_replies.Any(r => r.ConversationId == conversationId && r.Id == activityId))
        {
            return Results.NotFound();
        }

        _replies.Enqueue(new ReceivedReply(conversationId, (string?)activity["replyToId"], context.Connection.Id, context.Request.Headers.UserAgent.ToString(), activity, receivedAt, activityId, IsUpdate: true));
        return Results.Json(new { id = activityId });
    }

    private static async Task<JObject> ReadActivityAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        return JObject.Parse(await reader.ReadToEndAsync(context.RequestAborted));
    }
}
