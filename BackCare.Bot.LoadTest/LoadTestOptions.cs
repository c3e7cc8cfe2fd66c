using System.Globalization;

namespace BackCare.Bot.LoadTest;

/// <summary>The command line.</summary>
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

    public const string Usage =
        "Usage: dotnet run -c Release --project BackCare.Bot.LoadTest -- [options]\n" +
        "  --users N          concurrent virtual users per lane (default 64)\n" +
        "  --seconds S        measured seconds of each lane in each round (default 10)\n" +
        "  --rounds R         rounds; each runs every lane once, in alternating order (default 5)\n" +
        "  --warmup S         seconds of unmeasured load per lane before the first round (default 3)\n" +
        "  --mode M           expectReplies, normal or both (default both)\n" +
        "  --before           also run BackCare with BackCare:ReuseConnectorClients=false (the SDK's per-turn\n" +
        "                     connector client), to measure what the reuse changes\n" +
        "  --channel ID       channelId of the activities (default msteams)\n" +
        "  --script S         what BackCare's users do (default visit):\n" +
        "                       visit         a new user's whole visit: screening, a walkthrough, feedback, a question\n" +
        "                       free-text     typed questions only, every text of the run different (the echo bot gets\n" +
        "                                     the same texts)\n" +
        "                       card-buttons  the visit answered by card buttons (Action.Submit) wherever it has them\n" +
        "  --bot-setting K=V  a setting for the BackCare processes, as --K=V on their command line (repeatable);\n" +
        "                     e.g. --bot-setting Storage:Kind=Memory\n" +
        "                     BackCare runs with BackCare:SendPacing=false (each user sends far faster than Teams allows\n" +
        "                     one conversation); --bot-setting BackCare:SendPacing=true measures it paced\n" +
        "Lanes: BackCare and the echo baseline (and BackCare before, with --before), in each mode asked for.\n" +
        "Each bot is a child process on a loopback port; the fake connector runs in this process.\n" +
        "dotnet run -c Release --project BackCare.Bot.LoadTest -- reply-cost\n" +
        "  measures the reply path's parts (connector client, a reply, the UserTokenClient) in this process, SDK vs BackCare.";

    public static LoadTestOptions Default { get; } = new(64, 10, 5, 3, [Delivery.Normal, Delivery.ExpectReplies], false, "msteams", []);

    /// <summary>Whether BackCare's processes pace their sends to Teams' limits: only if a --bot-setting turns it back on.</summary>
    public bool SendPacing =>
        BotSettings.LastOrDefault(s => s.StartsWith(PacingSetting, StringComparison.OrdinalIgnoreCase)) is { } setting
        && bool.TryParse(setting[PacingSetting.Length..], out var on)
        && on;

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set when they are unusable or help was asked for.</summary>
    public static LoadTestOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = Default;
        var settings = new List<string>();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help" or "-?")
            {
                error = Usage;
                return null;
            }

            if (name == "--before")
            {
                options = options with { Before = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.\n{Usage}";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--users" when TryParseInt(value, out var users) && users > 0:
                    options = options with { Users = users };
                    break;
                case "--seconds" when TryParseDouble(value, out var seconds) && seconds > 0:
                    options = options with { Seconds = seconds };
                    break;
                case "--rounds" when TryParseInt(value, out var rounds) && rounds > 0:
                    options = options with { Rounds = rounds };
                    break;
                case "--warmup" when TryParseDouble(value, out var warmup) && warmup >= 0:
                    options = options with { WarmupSeconds = warmup };
                    break;
                case "--mode" when ParseModes(value) is { } modes:
                    options = options with { Modes = modes };
                    break;
                case "--script" when ParseScript(value) is { } script:
                    options = options with { Script = script };
                    break;
                case "--channel" when !string.IsNullOrWhiteSpace(value):
                    options = options with { ChannelId = value };
                    break;
                case "--bot-setting" when value.Contains('=', StringComparison.Ordinal) && !value.StartsWith('='):
                    settings.Add(value);
                    break;
                default:
                    error = $"Unknown option or bad value: {name} {value}\n{Usage}";
                    return null;
            }
        }

        return options with { BotSettings = settings };
    }

    private static IReadOnlyList<Delivery>? ParseModes(string value) => value.ToLowerInvariant() switch
    {
        "expectreplies" => [Delivery.ExpectReplies],
        "normal" => [Delivery.Normal],
        "both" => [Delivery.Normal, Delivery.ExpectReplies],
        _ => null,
    };

    private static ScriptKind? ParseScript(string value) => value.ToLowerInvariant() switch
    {
        "visit" or "backcare" => ScriptKind.Visit,
        "free-text" => ScriptKind.FreeText,
        "card-buttons" => ScriptKind.CardButtons,
        _ => null,
    };

    /// <summary>How the report names the script.</summary>
    public string ScriptName => Script switch
    {
        ScriptKind.FreeText => "free-text",
        ScriptKind.CardButtons => "card-buttons",
        _ => "visit",
    };

    private static bool TryParseInt(string value, out int result) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out result);

    private static bool TryParseDouble(string value, out double result) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out result) && double.IsFinite(result);
}
