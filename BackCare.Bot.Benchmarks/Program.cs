using System.Globalization;
using BackCare.Bot.Benchmarks;

// A benchmark program, not a test: it prints figures and leaves judging them to people.
if (args is ["semantic", ..])
{
    return SemanticBenchmark.Run(args[1..]);
}

if (args is ["reminders", ..])
{
    return ReminderTickBenchmark.Run(args[1..]);
}

var options = BenchmarkOptions.Parse(args, out var error);
if (options is null)
{
    // Asked-for help is output; a bad command line is an error.
    var helpAsked = args.Any(arg => arg is "-h" or "--help" or "-?");
    (helpAsked ? Console.Out : Console.Error).WriteLine(error);
    return helpAsked ? 0 : 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Let the users stop between turns instead of killing the process mid-report.
    e.Cancel = true;
    cancellation.Cancel();
};

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"BackCare.Bot in-process benchmark: {options.Users} users, {options.WarmupSeconds:0.##} s warm-up, {options.Seconds:0.##} s measured, channel {options.ChannelId}, {options.Script.Name} script ({options.Script.Steps.Count} turns)"));

try
{
    var result = await BenchmarkRunner.RunAsync(options, cancellation.Token);
    result.Print(Console.Out);
    return result.Errors == 0 ? 0 : 1;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
