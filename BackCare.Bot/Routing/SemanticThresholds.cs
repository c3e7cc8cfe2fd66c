namespace BackCare.Bot.Routing;

/// <summary>
/// Cosine similarities (0..1) at which the semantic layer's nearest example phrasing decides. Tuned on the
/// development sets; see routing.json for the figures they were chosen with.
/// </summary>
public sealed record SemanticThresholds
{
    /// <summary>A keyword answer at or above this score, about the back, is taken without asking the semantic layer.</summary>
    public double KeywordSure { get; init; } = 0.75;

    /// <summary>The nearest example answers when the keywords were unsure, if it is at least this close…</summary>
    public double Answer { get; init; } = 0.62;

    /// <summary>…and at least this much closer than the nearest example of any other id.</summary>
    public double Margin { get; init; } = 0.04;

    /// <summary>A message with no back word, this close to an off-topic example and no closer to any subject, is off-topic.</summary>
    public double OffTopic { get; init; } = 0.45;

    /// <summary>A message with no back word and no subject's example at least this close is off-topic.</summary>
    public double OnTopic { get; init; } = 0.5;

    /// <summary>The same, against a keyword answer: the keywords' own evidence lowers the bar.</summary>
    public double OnTopicAgainstKeywords { get; init; } = 0.42;

    /// <summary>A message about a back in words is off-topic when an off-topic example is this close and clearly closest.</summary>
    public double OffTopicAnchored { get; init; } = 0.65;

    /// <summary>A close example (at <see cref="Answer"/>) overrules the keywords when their choice reads this much further from the message.</summary>
    public double OverruleGap { get; init; } = 0.2;

    /// <summary>A nearest example at least this close (and clear of the next by the margin) overrules a keyword answer short of sure.</summary>
    public double Overrule { get; init; } = 0.75;

    /// <summary>An emergency example this close, in a message with no denial in it, is treated as an emergency.</summary>
    public double Urgent { get; init; } = 0.8;

    /// <summary>The classifier settles a "did you mean" or a fallback when its best id scores at least this…</summary>
    public double ClassifierAnswer { get; init; } = 0.5;

    /// <summary>…and leads the next id by at least this (also needed to overrule).</summary>
    public double ClassifierMargin { get; init; } = 0.15;

    /// <summary>The classifier overrules a keyword answer short of sure when its best id scores at least this…</summary>
    public double ClassifierOverrule { get; init; } = 0.6;

    /// <summary>…and the keywords' choice scores at most this.</summary>
    public double ClassifierKeep { get; init; } = 0.1;

    /// <summary>A message the classifier scores at least this for "urgent", above every other id, with no denial in it, is an emergency.</summary>
    public double ClassifierUrgent { get; init; } = 0.6;

    /// <summary>
    /// …and only where it is at least this close to one emergency example: worse pain after a stretch ("hurting more than
    /// before") leans towards the emergency examples' words without being one, and a false emergency frightens people off gentle movement.
    /// </summary>
    public double ClassifierUrgentNearest { get; init; } = 0.6;

    /// <summary>The classifier's choice (other than off-topic) counts only where the message is at least this close to one of that id's examples.</summary>
    public double ClassifierNearest { get; init; } = 0.5;

    /// <summary>A message this close to one example line is taken as that line: its id answers (off-topic: the fallback).</summary>
    public double SameAsExample { get; init; } = 0.95;
}
