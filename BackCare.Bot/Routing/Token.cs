namespace BackCare.Bot.Routing;

/// <summary>
/// One word of an analysed message. <see cref="Surface"/> is the word as typed (lower-cased, accents and
/// apostrophes normalised, a typo corrected); <see cref="Term"/> is its stem after synonyms, what keywords match.
/// </summary>
internal sealed class Token
{
    public required string Surface { get; init; }

    public string Term { get; set; } = "";

    public required int Sentence { get; init; }

    public int Clause { get; set; }

    public bool IsStopWord { get; set; }

    public bool IsNegated { get; set; }

    /// <summary>The cue that denies this word ("no", "not", "fine"), when <see cref="IsNegated"/>.</summary>
    public string? NegatedBy { get; set; }

    /// <summary>Where the denying cue stands in the message (-1 when none, or when it comes after the word).</summary>
    public int NegatedFrom { get; set; } = -1;

    /// <summary>Made from several words by a synonym ("foam roller"): precise, even when its one-word form ("roller") is ambiguous.</summary>
    public bool IsFromPhrase { get; set; }

    /// <summary>An anchor word used in its everyday sense ("back up"): it does not make the message about backs.</summary>
    public bool IsOtherSense { get; set; }
}
