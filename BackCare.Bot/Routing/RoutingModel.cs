namespace BackCare.Bot.Routing;

/// <summary>
/// The keyword router's knowledge, as read from Content/Data/routing.json by <see cref="RoutingModelLoader"/>:
/// what each routing id is called and which words and phrases point at it, plus the language rules
/// (stop words, synonyms, negation, typos) and the emergency red-flag rules. Everything a physiotherapist
/// might want to correct lives here, not in code.
/// </summary>
public sealed record RoutingModel
{
    /// <summary>The file this model was read from, for error messages; empty for a model built in code.</summary>
    public string SourcePath { get; init; } = "";

    public required RoutingThresholds Thresholds { get; init; }

    public required RoutingScoring Scoring { get; init; }

    public required TypoSettings Typos { get; init; }

    public required NegationSettings Negation { get; init; }

    /// <summary>Spellings without or with apostrophes and what they stand for ("cant" → "can not").</summary>
    public IReadOnlyDictionary<string, string> Contractions { get; init; } = new Dictionary<string, string>();

    /// <summary>Function words ignored as keywords (phrases still see them).</summary>
    public required IReadOnlyList<string> StopWords { get; init; }

    /// <summary>Canonical word → words and phrases that mean the same here ("crack" ← "pop", "click", "adjust").</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms { get; init; }

    /// <summary>Back and spine words: they make a message about backs, whatever else it mentions.</summary>
    public required IReadOnlyList<string> Anchors { get; init; }

    /// <summary>Anchor words that also have an everyday sense ("back up my files"), and the neighbours that tell them apart.</summary>
    public IReadOnlyList<AnchorSense> AnchorSenses { get; init; } = [];

    /// <summary>
    /// Words with an everyday meaning besides the back one: "crack" (and "pop" through synonyms), "stretch", "twist",
    /// "extension", "roller". With no back or spine word and no other keyword, they never make a message on-topic
    /// when it has words of its own ("crack a cold one", "stretch limo", "chrome extension").
    /// </summary>
    public required IReadOnlyList<string> AmbiguousWords { get; init; }

    /// <summary>Words and phrases of other subjects (software, eggs, jokes): without an anchor they make a message off-topic.</summary>
    public required IReadOnlyList<string> OffTopic { get; init; }

    /// <summary>
    /// Animals: a message about an animal's back and no one's own ("my dog sleeps on his back") is not about the
    /// user's back, so it gets the honest fallback.
    /// </summary>
    public IReadOnlyList<string> Animals { get; init; } = [];

    public required UrgentSettings Urgent { get; init; }

    /// <summary>Words that report pain ("hurts", "sore", "argh"): during a technique they mean "This hurts".</summary>
    public IReadOnlyList<string> PainWords { get; init; } = [];

    /// <summary>Phrases that report pain or that something is wrong ("not nice", "pulled something"): as <see cref="PainWords"/>, even when they hold a "not".</summary>
    public IReadOnlyList<string> PainPhrases { get; init; } = [];

    /// <summary>When the semantic layer's nearest examples may overrule or complete the keywords.</summary>
    public SemanticThresholds Semantic { get; init; } = new();

    /// <summary>
    /// Signs that call for a doctor soon rather than an ambulance (fever, a history of cancer, weight loss without
    /// trying, night pain that nothing eases): the same rule shape as <see cref="Urgent"/>, answered with the
    /// "when should I see a doctor" answer whatever else the message asks.
    /// </summary>
    public UrgentSettings? SeeDoctorFirst { get; init; }

    public required IReadOnlyList<RoutingEntry> Entries { get; init; }
}
