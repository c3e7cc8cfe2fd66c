namespace BackCare.Bot.Routing;

/// <summary>
/// When a word counts as denied: a cue ("no", "not", "never", "without") within <see cref="Window"/> words
/// before it, in the same clause (commas, full stops and <see cref="ScopeBreakers"/> such as "but" end a clause).
/// </summary>
public sealed class NegationSettings
{
    public required IReadOnlyList<string> Cues { get; init; }

    /// <summary>Words after which "not" describes an inability, not a denial: "can not feel my legs" is a symptom.</summary>
    public IReadOnlyList<string> NotACueAfter { get; init; } = [];

    /// <summary>Words before which a cue names a loss, not a denial: "no control of my bladder", "no feeling in my legs".</summary>
    public IReadOnlyList<string> NotACueBefore { get; init; } = [];

    public IReadOnlyList<string> ScopeBreakers { get; init; } = [];

    /// <summary>
    /// Words that deny what comes just before them in the same clause: "bladder's fine", "legs are ok", "peeing normally".
    /// </summary>
    public IReadOnlyList<string> CuesAfter { get; init; } = [];

    /// <summary>Cues that deny only the next <see cref="ShortWindow"/> words: "without warning my leg gave way" denies the warning, not the leg.</summary>
    public IReadOnlyList<string> ShortCues { get; init; } = [];

    public int ShortWindow { get; init; } = 1;

    /// <summary>
    /// Words after "feel"/"feeling" that make a cue before it a denial again: "not feeling any numbness" denies,
    /// while "no feeling in my legs" (see <see cref="NotACueBefore"/>) names a loss.
    /// </summary>
    public IReadOnlyList<string> LossUnlessFollowedBy { get; init; } = [];

    /// <summary>
    /// Words that carry a denial on through a list: "haven't had any accident or fall" denies the fall too, however
    /// far it stands from the cue.
    /// </summary>
    public IReadOnlyList<string> ListJoiners { get; init; } = [];

    /// <summary>
    /// Words that open a question: in a clause starting with one, a <see cref="CuesAfter"/> word asks rather than
    /// denies ("is cracking my back ok?", "are my legs ok?").
    /// </summary>
    public IReadOnlyList<string> QuestionStarts { get; init; } = [];

    /// <summary>How many words before a <see cref="CuesAfter"/> word it reaches back (in its clause).</summary>
    public int WindowAfter { get; init; } = 3;

    public required int Window { get; init; }
}
