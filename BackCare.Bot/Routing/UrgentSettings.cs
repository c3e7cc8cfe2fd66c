namespace BackCare.Bot.Routing;

/// <summary>
/// The emergency red flags (docs/clinical-basis.md, the emergency level). Terms are matched on the words as typed
/// (not stemmed, so "legs" and "leg" stay apart); a trailing * matches any ending ("numb*").
/// </summary>
public sealed record UrgentSettings
{
    /// <summary>Shown if the bot ever lists "urgent" as a choice.</summary>
    public required string Title { get; init; }

    /// <summary>The words matched by each group of a rule must lie within this many words of each other.</summary>
    public required int Window { get; init; }

    /// <summary>Terms that stay urgent even after a negation ("haven't peed since yesterday" is retention, a red flag).</summary>
    public IReadOnlyList<string> NegationExempt { get; init; } = [];

    /// <summary>
    /// The cues after which <see cref="NegationExempt"/> applies: a denied verb ("haven't peed") is the red flag,
    /// but "no trouble peeing" still denies it.
    /// </summary>
    public IReadOnlyList<string> NegationExemptAfter { get; init; } = [];

    /// <summary>Words that, between the cue and the exempt word, make it a denial after all ("haven't had any trouble peeing").</summary>
    public IReadOnlyList<string> NegationExemptUnlessBetween { get; init; } = [];

    /// <summary>
    /// Words that make someone else the subject of a sentence ("my cat's back legs are weak", "my dad had a fall"):
    /// a red flag in such a sentence is not the user's, unless the sentence also speaks of "I" or "me".
    /// </summary>
    public IReadOnlyList<string> OtherPeople { get; init; } = [];

    /// <summary>First-person words that keep a sentence about the user even when someone else is named in it.</summary>
    public IReadOnlyList<string> Self { get; init; } = [];

    /// <summary>
    /// Words before which someone named is the object, not the subject ("tripped over the cat and fell" is the user's
    /// fall): a person or animal named right after one of these (or after one and a "the", "my"…) is passed over.
    /// </summary>
    public IReadOnlyList<string> ObjectMarkers { get; init; } = [];

    /// <summary>
    /// Words that, in the clause of a red flag's event, show it happened to no one's body: a game, a story, a machine
    /// ("crashed my car in the game", "the printer keeps crashing", "in my novel the hero's legs give way").
    /// </summary>
    public IReadOnlyList<string> NotABody { get; init; } = [];

    public required IReadOnlyList<UrgentRule> Rules { get; init; }
}
