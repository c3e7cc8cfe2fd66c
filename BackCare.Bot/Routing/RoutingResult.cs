namespace BackCare.Bot.Routing;

/// <summary>
/// The router's verdict on one message.
/// </summary>
/// <param name="Text">The message as received (never null; empty for a null message).</param>
/// <param name="Intent">A routing id (docs/routing.md) ("faq:…", "topic:…", "technique:…", "tip:…", "urgent") or "none".</param>
/// <param name="Score">Confidence in <paramref name="Intent"/>, 0..1. For a fallback, the score of the best candidate
/// that was not good enough (0 when the message was ruled off-topic).</param>
/// <param name="Alternatives">Candidates best first, the chosen intent included. For <see cref="RoutingDecision.Clarify"/>
/// these are the 2–3 entries to offer (a single one only when nothing else matched at all); for
/// <see cref="RoutingDecision.Answer"/> and <see cref="RoutingDecision.Fallback"/> they are there for the trace only
/// and must not be offered as answers.</param>
/// <param name="Decision">Answer, Clarify or Fallback.</param>
public sealed record RoutingResult(
    string Text,
    string Intent,
    double Score,
    IReadOnlyList<RoutingAlternative> Alternatives,
    RoutingDecision Decision)
{
    /// <summary>Which layer decided.</summary>
    public RoutingLayer Layer { get; init; } = RoutingLayer.Keyword;

    /// <summary>Whether the message names the back or spine in the body sense ("my back", not "back up my files").</summary>
    public bool IsAnchored { get; init; }

    /// <summary>For an answer of the safety layer: how soon to get help (<see cref="SafetyLevels"/>); null otherwise.</summary>
    public string? SafetyLevel { get; init; }

    /// <summary>For an answer of the safety layer: the key of the advice to show first (messages.json, "safetyAdvice"); null for none.</summary>
    public string? SafetyAdvice { get; init; }

    /// <summary>The keywords ruled the message off-topic by another subject's own words (software, other joints), not merely for want of evidence.</summary>
    public bool IsRuledOffTopic { get; init; }
}
