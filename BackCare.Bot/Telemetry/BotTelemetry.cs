using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BackCare.Bot.Telemetry;

/// <summary>
/// The bot's own spans and metrics, under one name (<see cref="Name"/>) that the OpenTelemetry providers listen to.
/// Tags are only ever fixed words (activity types, routing ids, layers, decisions, status codes): never what a
/// user typed, nor a user or conversation id, so nothing here can carry health information or identify anyone.
/// Static, as .NET's own libraries keep theirs: nothing is recorded until a listener (a provider) is attached.
/// </summary>
public static class BotTelemetry
{
    public const string Name = "BackCare.Bot";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Turns = Meter.CreateCounter<long>("backcare.turns", "{turn}", "Turns processed, by activity type and outcome.");

    private static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("backcare.turn.duration", "s", "How long a turn took, from the bot receiving the activity to its last reply.");

    private static readonly Counter<long> RoutingDecisions = Meter.CreateCounter<long>("backcare.routing.decisions", "{decision}", "Routing decisions, by intent, layer and what the user was shown.");

    private static readonly Counter<long> Fallbacks = Meter.CreateCounter<long>("backcare.fallbacks", "{message}", "Messages the bot could not answer (fallback) or was unsure about (did you mean).");

    private static readonly Counter<long> UrgentAnswers = Meter.CreateCounter<long>("backcare.urgent_answers", "{answer}", "Emergency advice given.");

    private static readonly Counter<long> StateConflicts = Meter.CreateCounter<long>("backcare.storage.conflicts", "{write}", "Writes refused because another turn saved the item first.");

    private static readonly Counter<long> StorageErrors = Meter.CreateCounter<long>("backcare.storage.errors", "{call}", "Storage calls that failed, by operation.");

    private static readonly Counter<long> ConnectorRetries = Meter.CreateCounter<long>("backcare.connector.retries", "{retry}", "Connector calls sent again, by the reason for the retry.");

    private static readonly Counter<long> RemindersSent = Meter.CreateCounter<long>("backcare.reminders.sent", "{reminder}", "Reminder turns run, by outcome.");

    public static void TurnCompleted(string activityType, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { "activity.type", activityType }, { "outcome", outcome } };
        Turns.Add(1, tags);
        TurnDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>One routing decision; <paramref name="decision"/> is the KeywordRouter trace's (answer, clarify, fallback, urgent, start).</summary>
    public static void RoutingDecided(string intent, string layer, string decision)
    {
        RoutingDecisions.Add(1, new TagList { { "intent", intent }, { "layer", layer }, { "decision", decision } });
        if (decision is "fallback" or "clarify")
        {
            Fallbacks.Add(1, new KeyValuePair<string, object?>("decision", decision));
        }
        else if (decision == "urgent")
        {
            UrgentAnswers.Add(1);
        }
    }

    public static void StateConflict(string operation) => StateConflicts.Add(1, new KeyValuePair<string, object?>("operation", operation));

    public static void StorageError(string operation) => StorageErrors.Add(1, new KeyValuePair<string, object?>("operation", operation));

    /// <summary>A connector call about to be sent again; <paramref name="reason"/> is a status code or an exception type name.</summary>
    public static void ConnectorRetry(string reason) => ConnectorRetries.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void ReminderSent(string outcome) => RemindersSent.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
