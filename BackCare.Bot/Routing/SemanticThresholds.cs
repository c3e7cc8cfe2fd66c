namespace BackCare.Bot.Routing;

/// <summary>
/// Cosine similarities (0..1) at which the semantic layer's nearest example phrasing decides. Tuned on the
/// development sets; see routing.json for the figures they were chosen with.
/// </summary>
public sealed class SemanticThresholds
{
    /// <summary>A keyword answer at or above this score, about the back, is taken without asking the semantic layer.</summary>
    public double KeywordSure { get; init; } = 0.75;

    /// <summary>The nearest example answers when the keywords were unsure, if it is at least this close…</summary>
    public double Answer { get; init; } = 0.62;

    /// <summary>…and at least this much closer than the nearest example of any other id.</summary>
    public double Margin { get; init; } = 0.04;

    /// <summary>An off-topic example this close, and closer than the keywords' choice, makes the message off-topic.</summary>
    public double OffTopic { get; init; } = 0.6;

    /// <summary>An emergency example this close, in a message with no denial in it, is treated as an emergency.</summary>
    public double Urgent { get; init; } = 0.8;
}
