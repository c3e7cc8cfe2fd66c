namespace BackCare.Bot.LoadTest;

/// <summary>What the command line asked for (<see cref="LoadTestCommandLine"/>).</summary>
internal sealed record LoadTestOptions(
    int Users,
    double Seconds,
    int Rounds,
    double WarmupSeconds,
    IReadOnlyList<Delivery> Modes,
    bool Before,
    string ChannelId,
    IReadOnlyList<string> BotSettings,
    ScriptKind Script = ScriptKind.Visit)
{
    /// <summary>
    /// Given to BackCare's processes before any --bot-setting. A virtual user drives its conversation far faster than
    /// Teams lets a bot send to one conversation, and this program measures what a turn costs the bot, not how long
    /// Teams' limits make it wait; --bot-setting BackCare:SendPacing=true (which comes later, so wins) paces again.
    /// </summary>
    public const string PacingOff = "BackCare:SendPacing=false";

    private const string PacingSetting = "BackCare:SendPacing=";

    public static LoadTestOptions Default { get; } = new(64, 10, 5, 3, [Delivery.Normal, Delivery.ExpectReplies], false, "msteams", []);

    /// <summary>Whether BackCare's processes pace their sends to Teams' limits: only if a --bot-setting turns it back on.</summary>
    public bool SendPacing =>
        BotSettings.LastOrDefault(s => s.StartsWith(PacingSetting, StringComparison.OrdinalIgnoreCase)) is { } setting
        && bool.TryParse(setting[PacingSetting.Length..], out var on)
        && on;

    /// <summary>How the report names the script.</summary>
    public string ScriptName => Script switch
    {
        ScriptKind.FreeText => "free-text",
        ScriptKind.CardButtons => "card-buttons",
        _ => "visit",
    };
}
