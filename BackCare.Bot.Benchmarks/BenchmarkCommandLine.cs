using System.CommandLine;
using System.Globalization;
using BackCare.Bot.Routing.Semantic;
using BackCare.Bot.TestSupport;

namespace BackCare.Bot.Benchmarks;

/// <summary>
/// The command line: the in-process turn benchmark's options, and the <c>semantic</c> and <c>reminders</c> verbs.
/// Every option has the name and meaning it had before System.CommandLine read it (BENCHMARKS.md and README quote them).
/// </summary>
internal static class BenchmarkCommandLine
{
    private const string Program = "dotnet run -c Release --project BackCare.Bot.Benchmarks --";

    /// <param name="run">Runs the turn benchmark.</param>
    public static RootCommand Create(Func<BenchmarkOptions, CancellationToken, Task<int>> run)
    {
        var defaults = BenchmarkOptions.Default;
        var users = ToolCommandLine.Count("--users", defaults.Users, 1, "Virtual users, each in its own conversation.");
        var seconds = ToolCommandLine.Seconds("--seconds", defaults.Seconds, zeroAllowed: false, "Measured duration in seconds.");
        var warmup = ToolCommandLine.Seconds("--warmup", defaults.WarmupSeconds, zeroAllowed: true, "Warm-up in seconds before measuring, not counted.");
        var channel = ToolCommandLine.Text(
            "--channel",
            defaults.ChannelId,
            "ID",
            "channelId of the activities: emulator is the local, unauthenticated channel; msteams renders choices differently and drops trace activities.");
        var script = ToolCommandLine.OneOf(
            "--script",
            defaults.Script.Name,
            "NAME",
            [.. ConversationScript.All.Select(s => s.Name)],
            "menu: questions, tips and a screening's start; walkthrough: a new user screened, then child's pose step by step (step-card turns).");
        var comparePictures = new Option<bool>("--compare-pictures")
        {
            Description = "Two bots in one process, each user's rounds alternating between them: the bot as it is, and the same bot whose step card template has no picture; step-card turns per bot.",
        };
        var root = new RootCommand("The in-process benchmark: virtual users run a scripted conversation against the bot's own service graph, and it prints throughput, latency and memory.")
        {
            HelpName = Program,
        };
        root.Add(users);
        root.Add(seconds);
        root.Add(warmup);
        root.Add(channel);
        root.Add(script);
        root.Add(comparePictures);
        root.SetAction((parse, cancellationToken) => run(
            new BenchmarkOptions(
                parse.GetRequiredValue(users),
                parse.GetRequiredValue(seconds),
                parse.GetRequiredValue(warmup),
                parse.GetRequiredValue(channel),
                ConversationScript.All.First(s => s.Name == parse.GetRequiredValue(script)),
                parse.GetValue(comparePictures)),
            cancellationToken));
        root.Add(Semantic());
        root.Add(Reminders());
        root.Add(RoutingAccuracy());
        return root;
    }

    private static Command Semantic()
    {
        var calls = ToolCommandLine.Count("--calls", 400, 1, "Match calls measured per lane.");
        var precisions = ToolCommandLine.List(
            "--precision",
            [SemanticModelPrecision.Int8, SemanticModelPrecision.Float32],
            "L",
            "a comma-separated list of int8, float32",
            (string token, out SemanticModelPrecision precision) => Enum.TryParse(token, ignoreCase: true, out precision) && Enum.IsDefined(precision),
            "Model precisions to compare, comma-separated.");
        var threads = ToolCommandLine.List(
            "--threads",
            [1, 2, 0],
            "L",
            "a comma-separated list of whole numbers, 0 or more",
            (string token, out int count) => int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out count),
            "ONNX Runtime intra-op thread counts to compare, comma-separated; 0 = its default.");
        var command = new Command(SemanticBenchmark.Command, "What the router's semantic layer costs: model load, embedding the examples, working set, and one Match call's latency with 1 and 8 callers.")
        {
            calls,
            precisions,
            threads,
        };
        command.SetAction(parse => SemanticBenchmark.Run(parse.GetRequiredValue(calls), parse.GetRequiredValue(threads), parse.GetRequiredValue(precisions)));
        return command;
    }

    private static Command RoutingAccuracy()
    {
        var sets = new Option<string[]>("--set")
        {
            Description = "Further evaluation sets (expected ids<TAB>text) to score besides the repository's and ../shared/eval's.",
            AllowMultipleArgumentsPerToken = true,
        };
        var compare = new Option<bool>("--compare-classifiers") { Description = "Instead: the semantic layer alone, read by nearest example, top-2 mean, centroid, ridge and softmax classifiers, each set unseen." };
        var grid = new Option<bool>("--grid") { Description = "Instead: the classifier's thresholds over a grid, every set unseen; the best first." };
        var explain = new Option<string>("--explain") { Description = "Instead: how one message is routed, with the classifier's six best ids.", HelpName = "TEXT" };
        var noCpu = new Option<bool>("--no-cpu") { Description = "Skip the CPU measure (before/after, the model run afresh for every message)." };
        var command = new Command(Routing.RoutingEvaluation.Command, "How often the router shows the right thing, per evaluation set, as shipped and on wording it has not seen (each set scored with the example lines copied from it left out), and its CPU per message.")
        {
            sets,
            compare,
            grid,
            explain,
            noCpu,
        };
        command.SetAction(parse => Routing.RoutingEvaluation.Run(parse.GetValue(sets) ?? [], parse.GetValue(compare), parse.GetValue(grid), parse.GetValue(explain), !parse.GetValue(noCpu)));
        return command;
    }

    private static Command Reminders()
    {
        var subscriptions = ToolCommandLine.Count("--subscriptions", 10_000, 1, "Hourly subscriptions seeded.");
        var ticks = ToolCommandLine.Count("--ticks", 5, 1, "One-minute ticks measured after the first.");
        var sendMs = ToolCommandLine.Count("--send-ms", 100, 0, "Time one fake connector send takes, in milliseconds.");
        var command = new Command(ReminderTickBenchmark.Command, "What one reminder tick costs with many subscriptions, before (the pre-issue-11 tick) and after (ReminderScheduler).")
        {
            subscriptions,
            ticks,
            sendMs,
        };
        command.SetAction(parse => ReminderTickBenchmark.RunAsync(
            parse.GetRequiredValue(subscriptions),
            parse.GetRequiredValue(ticks),
            TimeSpan.FromMilliseconds(parse.GetRequiredValue(sendMs))));
        return command;
    }
}
