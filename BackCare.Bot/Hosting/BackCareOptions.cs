namespace BackCare.Bot.Hosting;

/// <summary>The "BackCare" section of appsettings.json.</summary>
public sealed class BackCareOptions
{
    public const string Section = "BackCare";

    public const int MinReminderTickSeconds = 1;

    public const int MaxReminderTickSeconds = 3600;

    /// <summary>How long a screening outcome is trusted before the questions are asked again.</summary>
    public double ScreeningValidHours { get; set; } = 24;

    /// <summary>Longer messages are not read (a clear message says so): nothing the bot does needs more.</summary>
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>
    /// Where to write each conversation's transcript (the SDK's FileTranscriptLogger: a JSON array of
    /// activities per conversation, which the Emulator opens). Empty, the default, writes none: transcripts
    /// hold what users said about their health.
    /// </summary>
    public string? TranscriptFolder { get; set; }

    /// <summary>
    /// How often the reminder scheduler looks for due reminders. A minute is fine-grained enough for movement
    /// breaks; a shorter tick is for tests that need a reminder from a running bot within seconds.
    /// </summary>
    public int ReminderTickSeconds { get; set; } = 60;

    /// <summary>
    /// True (the default): what the bot sends to a Teams conversation is held to Teams' per-conversation limits
    /// (<see cref="SendPacingMiddleware"/>), so a burst waits instead of being refused with 429. False sends at once,
    /// for load tests that drive one conversation far faster than a person would.
    /// </summary>
    public bool SendPacing { get; set; } = true;

    /// <summary>
    /// True (the default): the router may use the semantic layer (Routing/Semantic: nearest example phrasings,
    /// all-MiniLM-L6-v2 run in-process) for wording its keywords miss. False leaves keyword routing and the safety
    /// rules alone, skips loading the model (about 100 MB) and registers <see cref="Routing.Semantic.NoSemanticMatcher"/>.
    /// </summary>
    public bool SemanticRouting { get; set; } = true;

    /// <summary>
    /// How long (in days) a conversation's state (where the chat is, the emergency flag, the last answer shown) is kept
    /// after its last message; then the retention sweep deletes it. A screening result goes sooner, after
    /// <see cref="ScreeningValidHours"/>.
    /// </summary>
    public double ConversationKeepDays { get; set; } = 7;

    /// <summary>
    /// The bot's public HTTPS address as Teams reaches it (https://bot.example.com), or empty. Set, step cards point to
    /// their pictures at this address (/images/steps/...); empty, the default, they carry each picture inside the card.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How often (in minutes) the retention sweep looks for expired screening results and idle conversations.</summary>
    public double RetentionSweepMinutes { get; set; } = 60;
}
