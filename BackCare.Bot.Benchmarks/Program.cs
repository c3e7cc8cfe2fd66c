using System.Globalization;
using BackCare.Bot.Benchmarks;
using BackCare.Bot.TestSupport;

// A benchmark program, not a test: it prints figures and leaves judging them to people.
return await ToolCommandLine.RunAsync(BenchmarkCommandLine.Create(RunAsync), args);

static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
{
    using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
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
}
