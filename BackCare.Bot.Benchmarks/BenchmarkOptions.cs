using System.Globalization;

namespace BackCare.Bot.Benchmarks;

/// <summary>The command line: how many virtual users, for how long, after how much warm-up.</summary>
internal sealed record BenchmarkOptions(int Users, double Seconds, double WarmupSeconds, string ChannelId, ConversationScript Script, bool ComparePictures = false)
{
    public const string Usage =
        "Usage: dotnet run -c Release --project BackCare.Bot.Benchmarks -- [--users N] [--seconds S] [--warmup S] [--channel ID] [--script NAME]\n" +
        "  --users N     virtual users, each in its own conversation (default 16)\n" +
        "  --seconds S   measured duration in seconds (default 10)\n" +
        "  --warmup S    warm-up in seconds before measuring, not counted (default 2)\n" +
        "  --channel ID  channelId of the activities (default emulator: the local, unauthenticated channel;\n" +
        "                msteams renders choices differently and drops trace activities)\n" +
        "  --script NAME menu (default: questions, tips and a screening's start) or walkthrough (a new user screened,\n" +
        "                then child's pose step by step: step-card turns)\n" +
        "  --compare-pictures  two bots in one process, each user's rounds alternating between them: the bot as\n" +
        "                it is, and the same bot whose step card template has no picture; step-card turns per bot";

    public static BenchmarkOptions Default { get; } = new(16, 10, 2, "emulator", ConversationScript.Menu);

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set when they are unusable or help was asked for.</summary>
    public static BenchmarkOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = Default;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--compare-pictures")
            {
                options = options with { ComparePictures = true };
                continue;
            }

            if (name is "-h" or "--help" or "-?")
            {
                error = Usage;
                return null;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.\n{Usage}";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--users" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var users) && users > 0:
                    options = options with { Users = users };
                    break;
                case "--seconds" when TryParseSeconds(value, out var seconds) && seconds > 0:
                    options = options with { Seconds = seconds };
                    break;
                case "--warmup" when TryParseSeconds(value, out var warmup) && warmup >= 0:
                    options = options with { WarmupSeconds = warmup };
                    break;
                case "--channel" when !string.IsNullOrWhiteSpace(value):
                    options = options with { ChannelId = value };
                    break;
                case "--script" when ConversationScript.All.FirstOrDefault(s => s.Name == value) is { } script:
                    options = options with { Script = script };
                    break;
                default:
                    error = $"Unknown option or bad value: {name} {value}\n{Usage}";
                    return null;
            }
        }

        return options;
    }

    private static bool TryParseSeconds(string value, out double seconds) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) && double.IsFinite(seconds);
}
