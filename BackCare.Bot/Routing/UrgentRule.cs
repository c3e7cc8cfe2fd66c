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

    /// <summary>
    /// Phrases that, anywhere in the message, show the event hurt no one ("my parked car was hit, nobody was in it"):
    /// the rule does not fire at all. Only for what cannot be about the user's body wherever it is said.
    /// </summary>
    public IReadOnlyList<string> VetoesAnywhere { get; init; } = [];

    /// <summary>
    /// Partial evidence ("I slipped and my back's stiff": a fall of unknown size): the bot asks one clear safety
    /// question instead of guessing either way.
    /// </summary>
    public bool Ask { get; init; }

    /// <summary>
    /// Whether the rule's words may lie in different sentences ("I fell yesterday. Now my back hurts."). Off by
    /// default: "My legs are fine. I just feel a bit weak after the flu" is two statements, not one symptom.
    /// </summary>
    public bool AcrossSentences { get; init; }

    /// <summary>
    /// How soon to get help (<see cref="SafetyLevels"/>): in the "urgent" block none or "emergency" (the emergency
    /// answer) or "maternity"; in the "seeDoctorFirst" block "sameDay" or "soon".
    /// </summary>
    public string? Level { get; init; }

    /// <summary>The key in messages.json's "safetyAdvice" of what to tell the user first (required unless the level is emergency).</summary>
    public string? Advice { get; init; }

    /// <summary>
    /// The routing id that answers this sign, where one answers it more closely than "when should I see a doctor"
    /// (long morning stiffness: the inflammatory-stiffness answer); see-a-doctor signs only. Null for the block's own.
    /// </summary>
    public string? Answer { get; init; }

    /// <summary>This rule's own window, where its words may lie further apart than the default (a crash told as a story).</summary>
    public int? Window { get; init; }
}
