namespace BackCare.Bot.Routing;

/// <summary>
/// Typo tolerance: an unknown word of <see cref="MinLength"/>+ letters is read as the known word it is within
/// <see cref="MaxEdits"/> edits of (<see cref="MaxEditsLong"/> from <see cref="LongWordLength"/> letters).
/// Short words are left alone: "bak" or "pian" are too close to too many words to guess safely.
/// </summary>
public sealed class TypoSettings
{
    public required int MinLength { get; init; }

    public required int MaxEdits { get; init; }

    public required int LongWordLength { get; init; }

    public required int MaxEditsLong { get; init; }

    /// <summary>
    /// Red-flag words are corrected from this length on (one edit, towards red-flag words of the same length only),
    /// since a misspelt "legz" or "numm" must not hide an emergency. 0 keeps <see cref="MinLength"/> for them too.
    /// </summary>
    public int RedFlagMinLength { get; init; }

    /// <summary>The short red-flag words a short typo may be corrected to ("legz" → "legs"); empty: every red-flag word.</summary>
    public IReadOnlyList<string> RedFlagShortWords { get; init; } = [];

    /// <summary>Real words that look like typos of known ones and must be left alone ("fill" is not "fall", "wear" is not "weak").</summary>
    public IReadOnlyList<string> NotTypos { get; init; } = [];
}
