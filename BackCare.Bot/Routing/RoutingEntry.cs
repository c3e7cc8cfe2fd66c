namespace BackCare.Bot.Routing;

/// <summary>One routing id and the evidence for it. Weights are positive, at most 10; a few strong words beat many weak ones.</summary>
public sealed class RoutingEntry
{
    public required string Id { get; init; }

    /// <summary>Short question shown on a "did you mean" button.</summary>
    public required string Title { get; init; }

    /// <summary>Single words, matched after stemming and synonyms, each counted once.</summary>
    public IReadOnlyDictionary<string, double> Keywords { get; init; } = new Dictionary<string, double>();

    /// <summary>Words that count for this entry when denied: "didn't crack", "no pop" point at "is the pop necessary?".</summary>
    public IReadOnlyDictionary<string, double> NegatedKeywords { get; init; } = new Dictionary<string, double>();

    /// <summary>Word sequences in order, within one sentence, tolerating a few words between.</summary>
    public IReadOnlyDictionary<string, double> Phrases { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// If set, the entry counts only when one of these words is in the message (denied or not): "buy" means a
    /// foam roller only when a roller is mentioned, "necessary" means the pop only when a pop or sound is.
    /// </summary>
    public IReadOnlyList<string> RequiresAny { get; init; } = [];

    /// <summary>Words that point here when they appear together, in any order ("roller" with "stretch").</summary>
    public IReadOnlyList<KeywordCombination> Combinations { get; init; } = [];
}
