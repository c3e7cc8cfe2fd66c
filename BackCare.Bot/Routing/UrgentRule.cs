namespace BackCare.Bot.Routing;

/// <summary>
/// One red flag: it fires when every group has a term in the message, close together. The first group is the
/// symptom or event ("numb", "weak", "fell", "bladder"): a plain denial of it ("no numbness", "I didn't fall")
/// cancels the rule. Later groups say where or to what ("groin", "legs", "back") and are never read as denied,
/// so "no feeling in my legs" stays urgent.
/// </summary>
public sealed class UrgentRule
{
    public required string Name { get; init; }

    public required IReadOnlyList<IReadOnlyList<string>> Groups { get; init; }

    /// <summary>Phrases whose words do not count for this rule ("fell asleep" is not a fall).</summary>
    public IReadOnlyList<string> Except { get; init; } = [];

    /// <summary>
    /// Phrases that, in the same sentence as the symptom or event, show it is not a new problem of the user's
    /// ("ten years ago", "got checked out"): the rule does not fire on that sentence.
    /// </summary>
    public IReadOnlyList<string> Vetoes { get; init; } = [];

    /// <summary>This rule's own window, where its words may lie further apart than the default (a crash told as a story).</summary>
    public int? Window { get; init; }
}
