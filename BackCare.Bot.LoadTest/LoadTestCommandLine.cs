using System.CommandLine;
using System.CommandLine.Parsing;
using BackCare.Bot.TestSupport;

namespace BackCare.Bot.LoadTest;

/// <summary>
/// The command line: the load run's options, and the <c>reply-cost</c> verb. Every option has the name and meaning it
/// had before System.CommandLine read it (BENCHMARKS.md quotes them).
/// </summary>
internal sealed class LoadTestCommandLine
{
    private const string Program = "dotnet run -c Release --project BackCare.Bot.LoadTest --";

    private static readonly LoadTestOptions Defaults = LoadTestOptions.Default;

    private readonly Option<int> _users = ToolCommandLine.Count("--users", Defaults.Users, 1, "Concurrent virtual users per lane.");

    private readonly Option<double> _seconds = ToolCommandLine.Seconds("--seconds", Defaults.Seconds, zeroAllowed: false, "Measured seconds of each lane in each round.");

    private readonly Option<int> _rounds = ToolCommandLine.Count("--rounds", Defaults.Rounds, 1, "Rounds; each runs every lane once, in alternating order.");

    private readonly Option<double> _warmup = ToolCommandLine.Seconds("--warmup", Defaults.WarmupSeconds, zeroAllowed: true, "Seconds of unmeasured load per lane before the first round.");

    private static readonly Dictionary<string, IReadOnlyList<Delivery>> Modes = new()
    {
        ["expectReplies"] = [Delivery.ExpectReplies],
        ["normal"] = [Delivery.Normal],
        ["both"] = [Delivery.Normal, Delivery.ExpectReplies],
    };

    private static readonly Dictionary<string, ScriptKind> Scripts = new()
    {
        ["visit"] = ScriptKind.Visit,
        ["free-text"] = ScriptKind.FreeText,
        ["card-buttons"] = ScriptKind.CardButtons,
        ["backcare"] = ScriptKind.Visit,
    };

    private readonly Option<string> _mode = ToolCommandLine.OneOf("--mode", "both", "M", [.. Modes.Keys], "expectReplies, normal or both.");

    private readonly Option<bool> _before = new("--before")
    {
        Description = "Also run BackCare with BackCare:ReuseConnectorClients=false (the SDK's per-turn connector client), to measure what the reuse changes.",
    };

    private readonly Option<string> _channel = ToolCommandLine.Text("--channel", Defaults.ChannelId, "ID", "channelId of the activities.");

    private readonly Option<string> _script = ToolCommandLine.OneOf(
        "--script",
        "visit",
        "S",
        [.. Scripts.Keys],
        "What BackCare's users do:\n" +
        "  visit         a new user's whole visit: screening, a walkthrough, feedback, a question\n" +
        "  free-text     typed questions only, every text of the run different (the echo bot gets the same texts)\n" +
        "  card-buttons  the visit answered by card buttons (Action.Submit) wherever it has them");

    private readonly Option<string[]> _botSettings = new("--bot-setting")
    {
        Description = "A setting for the BackCare processes, as --K=V on their command line (repeatable); e.g. --bot-setting Storage:Kind=Memory.\n" +
            "BackCare runs with BackCare:SendPacing=false (each user sends far faster than Teams allows one conversation);\n" +
            "--bot-setting BackCare:SendPacing=true measures it paced.",
        HelpName = "K=V",
        DefaultValueFactory = _ => [],
        Arity = ArgumentArity.OneOrMore,
    };

    public LoadTestCommandLine(Func<LoadTestOptions, CancellationToken, Task<int>> run, Func<CancellationToken, Task<int>> replyCost)
    {
        _botSettings.Validators.Add(BotSettingsAreKeyValue);
        Root = new RootCommand(
            "The load test: virtual users drive BackCare and the echo baseline (and BackCare before, with --before) over HTTP, in each mode asked for.\n" +
            "Each bot is a child process on a loopback port; the fake connector runs in this process.")
        {
            HelpName = Program,
        };
        foreach (var option in new Option[] { _users, _seconds, _rounds, _warmup, _mode, _before, _channel, _script, _botSettings })
        {
            Root.Add(option);
        }

        Root.SetAction((parse, cancellationToken) => run(Read(parse), cancellationToken));

        var replyCostCommand = new Command(ReplyCostProbe.Command, "Measures the reply path's parts (connector client, a reply, the UserTokenClient) in this process, SDK vs BackCare.");
        replyCostCommand.SetAction((_, cancellationToken) => replyCost(cancellationToken));
        Root.Add(replyCostCommand);
    }

    public RootCommand Root { get; }

    /// <summary>The options <paramref name="parse"/> holds (it has no errors).</summary>
    public LoadTestOptions Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new LoadTestOptions(
            parse.GetRequiredValue(_users),
            parse.GetRequiredValue(_seconds),
            parse.GetRequiredValue(_rounds),
            parse.GetRequiredValue(_warmup),
            Modes[parse.GetRequiredValue(_mode)],
            parse.GetValue(_before),
            parse.GetRequiredValue(_channel),
            parse.GetRequiredValue(_botSettings),
            Scripts[parse.GetRequiredValue(_script)]);
    }

    private static void BotSettingsAreKeyValue(OptionResult result)
    {
        foreach (var setting in result.Tokens.Select(t => t.Value).Where(s => !s.Contains('=', StringComparison.Ordinal) || s.StartsWith('=')))
        {
            result.AddError($"--bot-setting takes Key=Value, not '{setting}'.");
        }
    }
}
