using System.Text;
using System.Text.Json;
using BackCare.Bot.Content;
using BackCare.Bot.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace BackCare.Bot.Benchmarks;

/// <summary>
/// Sends one activity through the bot's real adapter the way ASP.NET Core would hand it a POST to
/// /api/messages, with deliveryMode expectReplies so the replies come back in the response body and
/// nothing leaves the process. Timed: what a request costs on the server (waiting for a pool thread,
/// a DI scope, the transient bot, the adapter call). Not timed: building the request and reading the
/// response, which are the client's work.
/// </summary>
internal sealed class TurnDriver(IServiceProvider services, string channelId)
{
    // The Emulator and the tools post to a local service URL; with expectReplies it is never called.
    private const string ServiceUrl = "http://localhost:3978/";
    private const string BotId = "backcare-bot";

    private static readonly JsonSerializerSettings SerializerSettings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
    };

    private readonly IBotFrameworkHttpAdapter _adapter = services.GetRequiredService<IBotFrameworkHttpAdapter>();
    private readonly BotMessages _messages = services.GetRequiredService<KnowledgeBase>().Messages;

    public async Task<TurnResult> RunTurnAsync(string conversationId, string userId, string activityId, ScriptStep step, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(CreateActivity(conversationId, userId, activityId, step), SerializerSettings));
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json; charset=utf-8";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body, writable: false);
        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;

        var start = Stopwatch.GetTimestamp();
        try
        {
            // The request goes through the thread pool's queue as a server's would, and that wait is part
            // of its latency. Without this a turn that completes synchronously (memory storage, no network)
            // never yields: each user would hog a thread, the pool would grow to one thread per user and
            // the OS, not the pool, would share the CPUs, hiding the queueing in pre-emption.
            await Task.Yield();

            // As the /api/messages endpoint does: a request scope, and IBot (transient) resolved from it.
            await using var scope = services.CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            var bot = scope.ServiceProvider.GetRequiredService<IBot>();
            await _adapter.ProcessAsync(context.Request, context.Response, bot, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new TurnResult(start, Stopwatch.GetTimestamp() - start, 0, $"{step}: {exception.GetType().Name}: {exception.Message}");
        }

        var elapsed = Stopwatch.GetTimestamp() - start;
        return Check(start, elapsed, step, context.Response.StatusCode, responseBody);
    }

    private Activity CreateActivity(string conversationId, string userId, string activityId, ScriptStep step)
    {
        var user = new ChannelAccount(userId, "Benchmark user");
        var activity = new Activity
        {
            Type = step.IsJoin ? ActivityTypes.ConversationUpdate : ActivityTypes.Message,
            Id = activityId,
            Timestamp = DateTimeOffset.UtcNow,
            ChannelId = channelId,
            ServiceUrl = ServiceUrl,
            From = user,
            Recipient = new ChannelAccount(BotId, "BackCare"),
            Conversation = new ConversationAccount(id: conversationId),
            Locale = "en-US",
            DeliveryMode = DeliveryModes.ExpectReplies,
        };

        if (step.IsJoin)
        {
            activity.MembersAdded = [user];
        }
        else
        {
            activity.Text = step.Text;
            activity.TextFormat = TextFormatTypes.Plain;
        }

        return activity;
    }

    /// <summary>A turn counts as good when it got 200, at least one reply, none of the replies is the adapter's error message, and they say what the step expects.</summary>
    private TurnResult Check(long start, long elapsed, ScriptStep step, int statusCode, MemoryStream responseBody)
    {
        if (statusCode != StatusCodes.Status200OK)
        {
            return new TurnResult(start, elapsed, 0, $"{step}: HTTP {statusCode}");
        }

        try
        {
            using var document = JsonDocument.Parse(responseBody.ToArray());
            if (!document.RootElement.TryGetProperty("activities", out var activities) || activities.ValueKind != JsonValueKind.Array)
            {
                return new TurnResult(start, elapsed, 0, $"{step}: response has no activities array");
            }

            var count = activities.GetArrayLength();
            if (count == 0)
            {
                return new TurnResult(start, elapsed, 0, $"{step}: no replies");
            }

            foreach (var reply in activities.EnumerateArray())
            {
                // OnTurnError answers with 200 too; a turn that ended in it is a failed turn.
                if (reply.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && TurnErrorHandler.IsErrorReply(_messages, text.GetString()))
                {
                    return new TurnResult(start, elapsed, count, $"{step}: the bot's turn failed (OnTurnError)");
                }
            }

            if (step.Expect is { } expected && !Encoding.UTF8.GetString(responseBody.ToArray()).Contains(expected, StringComparison.Ordinal))
            {
                return new TurnResult(start, elapsed, count, $"{step}: the replies do not say \"{expected}\"");
            }

            return new TurnResult(start, elapsed, count, null);
        }
        catch (System.Text.Json.JsonException exception)
        {
            return new TurnResult(start, elapsed, 0, $"{step}: response is not JSON: {exception.Message}");
        }
    }
}
