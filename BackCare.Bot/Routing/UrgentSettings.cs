namespace BackCare.Bot.Routing;

/// <summary>
/// The emergency red flags (DESIGN.md, "Safety screening", level one). Terms are matched on the words as typed
/// (not stemmed, so "legs" and "leg" stay apart); a trailing * matches any ending ("numb*").
/// </summary>
public sealed class UrgentSettings
{
    /// <summary>Shown if the bot ever lists "urgent" as a choice.</summary>
    public required string Title { get; init; }

    /// <summary>The words matched by each group of a rule must lie within this many words of each other.</summary>
    public required int Window { get; init; }

    /// <summary>Terms that stay urgent even after a negation ("haven't peed since yesterday" is retention, a red flag).</summary>
    public IReadOnlyList<string> NegationExempt { get; init; } = [];

    public required IReadOnlyList<UrgentRule> Rules { get; init; }
}
