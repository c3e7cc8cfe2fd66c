using System.Diagnostics;
using BackCare.Bot.Dialogs.Interruptions;
using BackCare.Bot.Unanswered;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Telemetry;

/// <summary>
/// Wraps the bot: each turn is a span and a measured duration; each batch of replies a "connector send" span;
/// each KeywordRouter trace (<see cref="ConversationMoves.TraceAsync"/>) a routing decision in the metrics, and
/// its fallbacks and "did you mean"s a count for the content editors (<see cref="UnansweredStore"/>).
/// Reading the trace the dialogs already write keeps the dialogs free of telemetry code.
/// </summary>
public sealed class TracedBot(IBot inner, UnansweredRecorder unanswered) : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activityType = ActivityTypeTag(turnContext.Activity?.Type);
        using var span = BotTelemetry.Source.StartActivity("bot turn", ActivityKind.Internal);
        span?.SetTag("activity.type", activityType);
        span?.SetTag("channel.id", ChannelTag(turnContext.Activity?.ChannelId));

        var decisions = new TurnDecisions();
        turnContext.OnSendActivities((context, activities, next) => ObserveSendAsync(decisions, activities, next));
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await inner.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await unanswered.RecordAsync(decisions.Unanswered, decisions.SafetyFlagged, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            span?.SetStatus(ActivityStatusCode.Error, "cancelled");
            throw;
        }
        catch (Exception e)
        {
            // The type only: exception messages can hold storage keys, which name the conversation or the user.
            outcome = "error";
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            span?.SetTag("error.type", e.GetType().FullName);
            throw;
        }
        finally
        {
            span?.SetTag("outcome", outcome);
            BotTelemetry.TurnCompleted(activityType, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task<ResourceResponse[]> ObserveSendAsync(TurnDecisions decisions, List<Microsoft.Bot.Schema.Activity> activities, Func<Task<ResourceResponse[]>> next)
    {
        var replies = 0;
        foreach (var activity in activities)
        {
            if (activity.Type == ActivityTypes.Trace)
            {
                if (activity.Name == ConversationMoves.KeywordRouterTraceName && activity.Value is JObject value)
                {
                    decisions.Observe(value);
                }
            }
            else
            {
                replies++;
            }
        }

        if (replies == 0)
        {
            return await next().ConfigureAwait(false);
        }

        using var span = BotTelemetry.Source.StartActivity("connector send", ActivityKind.Client);
        span?.SetTag("activity.count", replies);
        try
        {
            return await next().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            span?.SetTag("error.type", e.GetType().FullName);
            throw;
        }
    }

    /// <summary>Activity types are a fixed vocabulary; anything else is one "other" tag, so no sender can invent tag values.</summary>
    private static string ActivityTypeTag(string? type) => type switch
    {
        ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.Invoke or ActivityTypes.InstallationUpdate
            or ActivityTypes.Event or ActivityTypes.MessageReaction or ActivityTypes.EndOfConversation or ActivityTypes.Typing => type,
        _ => "other",
    };

    private static string ChannelTag(string? channel) => channel switch
    {
        "msteams" or "emulator" or "webchat" or "directline" or "test" => channel,
        _ => "other",
    };

    /// <summary>What the router decided in one turn.</summary>
    private sealed class TurnDecisions
    {
        private readonly List<UnansweredMessage> _unanswered = [];

        public IReadOnlyList<UnansweredMessage> Unanswered => _unanswered;

        /// <summary>The safety net read a health red flag (or a safety sign) in this turn: nothing of it is kept.</summary>
        public bool SafetyFlagged { get; private set; }

        public void Observe(JObject trace)
        {
            var intent = (string?)trace["intent"] ?? "none";
            var layer = (string?)trace["layer"] ?? "none";
            var decision = (string?)trace["decision"] ?? "none";
            BotTelemetry.RoutingDecided(intent, layer, decision);
            if (layer == "safety" || decision == "urgent" || intent == Routing.RoutingIds.Urgent)
            {
                SafetyFlagged = true;
            }
            else if (decision is "fallback" or "clarify" && (string?)trace["text"] is { Length: > 0 } text)
            {
                _unanswered.Add(new UnansweredMessage(text, decision == "fallback" ? UnansweredKind.Fallback : UnansweredKind.DidYouMean));
            }
        }
    }
}
