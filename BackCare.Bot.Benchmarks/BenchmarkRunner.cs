using System.Diagnostics;
using System.Text.Json.Nodes;
using BackCare.Bot.CardRendering;
using BackCare.Bot.Hosting;
using BackCare.Bot.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackCare.Bot.Benchmarks;

/// <summary>Builds the bot's service graph in-process and lets the virtual users loose on it.</summary>
internal static class BenchmarkRunner
{
    public static async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        await using var services = BuildServices(withoutPictures: false);
        await using var withoutPictures = options.ComparePictures ? BuildServices(withoutPictures: true) : null;
        TurnDriver[] drivers = withoutPictures is null
            ? [new TurnDriver(services, options.ChannelId)]
            : [new TurnDriver(services, options.ChannelId), new TurnDriver(withoutPictures, options.ChannelId)];

        var users = Enumerable.Range(0, options.Users).Select(i => new VirtualUser(i, drivers, options.Script)).ToArray();

        var start = ProcessSnapshot.Take();
        var startedAt = Stopwatch.GetTimestamp();
        var measureFrom = startedAt + SecondsToTicks(options.WarmupSeconds);
        var stopAt = measureFrom + SecondsToTicks(options.Seconds);

        // Task.Run: each user on the thread pool from the start, as concurrent requests would be.
        var running = users.Select(user => Task.Run(() => user.RunAsync(measureFrom, stopAt, cancellationToken), cancellationToken)).ToArray();

        var afterWarmup = await SnapshotAtAsync(measureFrom, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(running).ConfigureAwait(false);
        var end = ProcessSnapshot.Take();

        // Turns still running at stopAt are finished and counted, so the measured span ends with the last of them.
        var lastCompletion = users.Max(user => user.LastCompletion);
        var measuredSeconds = Math.Max(lastCompletion, stopAt) - measureFrom;

        return new BenchmarkResult(
            options,
            measuredSeconds / (double)Stopwatch.Frequency,
            users.Sum(user => (long)user.Latencies.Count),
            users.Sum(user => user.Replies),
            users.Sum(user => user.Errors),
            users.SelectMany(user => user.ErrorSamples).Take(5).ToArray(),
            LatencySummary.From(users.SelectMany(user => user.Latencies)),
            options.Script.Steps.Select((_, step) => LatencySummary.From(users.SelectMany(user => user.LatenciesByStep[step]))).ToArray(),
            LatencySummary.From(options.Script.Steps.Select((s, step) => (s, step)).Where(x => x.s.IsStepCard).SelectMany(x => users.SelectMany(user => user.LatenciesByStep[x.step]))),
            drivers.Select((_, lane) => LatencySummary.From(users.SelectMany(user => user.StepCardLatenciesByDriver[lane]))).ToArray(),
            start,
            afterWarmup,
            end);
    }

    /// <summary>
    /// The same registration as the bot (AddBackCareBot), with logging at Warning so that errors still
    /// show, and a nearly empty configuration: no MicrosoftAppId, so the adapter runs in local mode without
    /// auth, and state in memory, so that the figures measure the bot's turns rather than the disk (and stay
    /// comparable with those taken before SQLite became the default storage).
    /// </summary>
    /// <param name="withoutPictures">The step card template without its Image element: the step cards as they were before pictures.</param>
    private static ServiceProvider BuildServices(bool withoutPictures)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Kind"] = "Memory" })
            .Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddBackCareBot();
        if (withoutPictures)
        {
            services.AddSingleton(_ => CardCatalog.Load(CardsWithoutPictures()));
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A copy of the card templates in a temporary folder, the step card's Image element taken out.</summary>
    private static string CardsWithoutPictures()
    {
        var folder = Directory.CreateTempSubdirectory("backcare-bench-cards-").FullName;
        foreach (var file in Directory.GetFiles(CardCatalog.DefaultDirectory, "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var step = Path.Combine(folder, CardCatalog.Step + ".json");
        var card = JsonNode.Parse(File.ReadAllText(step))!;
        var body = card["body"]!.AsArray();
        foreach (var image in body.Where(e => (string?)e?["type"] == "Image").ToList())
        {
            body.Remove(image);
        }

        File.WriteAllText(step, card.ToJsonString());
        return folder;
    }

    private static async Task<ProcessSnapshot> SnapshotAtAsync(long timestamp, CancellationToken cancellationToken)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }

        return ProcessSnapshot.Take();
    }

    private static long SecondsToTicks(double seconds) => (long)(seconds * Stopwatch.Frequency);
}
