using System.Diagnostics;
using System.Globalization;
using BackCare.Bot.Routing.Semantic;
using BackCare.Bot.TestSupport;

namespace BackCare.Bot.Benchmarks;

/// <summary>
/// The `semantic` verb: what the router's semantic layer costs. Prints the model's load time, the time to embed
/// the shipped examples, the process's working set before and after, and the latency of one Match call with one
/// caller and with 8 at once, for each model precision and ONNX Runtime intra-op thread count asked for (0 = ONNX
/// Runtime's default).
/// </summary>
internal static class SemanticBenchmark
{
    private const int Concurrency = 8;

    /// <summary>Typical messages: short questions, a fragment, chit-chat and a longer story.</summary>
    private static readonly string[] Messages =
    [
        "is foam rolling better than stretching?",
        "my lower back is stiff after sitting all day",
        "yes",
        "next",
        "how do I stop cracking my knuckles",
        "I got rear-ended on the motorway on Monday and since then my lower back has been aching and my legs feel odd",
        "can i crack my back if im pregnant",
        "what pillow should I use",
    ];

    public const string Command = "semantic";

    public static int Run(int calls, IReadOnlyList<int> threadCounts, IReadOnlyList<SemanticModelPrecision> precisions)
    {
        var examples = SemanticExamplesLoader.Load(SemanticExamplesLoader.DefaultPath);
        var before = ProcessSnapshot.Take();
        Print($"{examples.Count} examples, {Environment.ProcessorCount} cores, {calls} calls per lane");
        Print($"working set before the model: {before.WorkingSetMb:0} MB (managed heap {before.ManagedHeapMb:0} MB)");

        foreach (var (precision, threads) in precisions.SelectMany(p => threadCounts.Select(t => (p, t))))
        {
            var started = Stopwatch.GetTimestamp();
            using var embedder = new SentenceEmbedder(threads, precision);
            var loaded = Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            var matcher = new NearestExampleMatcher(embedder, examples);
            var embedded = Stopwatch.GetElapsedTime(started);
            var after = ProcessSnapshot.Take();
            // The 90 MB model is read out of the package's assembly into a managed array (and quantised into another)
            // that is garbage once the session holds the weights: after a full collection the figure is what the
            // process keeps.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var settled = ProcessSnapshot.Take();
            Print($"{precision}, intra-op threads {(threads == 0 ? "default" : threads.ToString(CultureInfo.InvariantCulture))}: model load {loaded.TotalMilliseconds:0} ms, embedding {examples.Count} examples {embedded.TotalMilliseconds:0} ms");
            Print($"  working set after: {after.WorkingSetMb:0} MB (managed heap {after.ManagedHeapMb:0} MB); after a full GC {settled.WorkingSetMb:0} MB (managed heap {settled.ManagedHeapMb:0} MB)");

            for (var i = 0; i < 40; i++)
            {
                matcher.Match(Messages[i % Messages.Length]);
            }

            Report("  1 caller ", Measure(matcher, calls, 1));
            Report($"  {Concurrency} callers", Measure(matcher, calls, Concurrency));
            PerMessage(matcher);
        }

        return 0;
    }

    /// <summary>Each caller's call latencies, and the wall time for all of them.</summary>
    private static (List<long> Ticks, TimeSpan Wall) Measure(NearestExampleMatcher matcher, int calls, int callers)
    {
        var ticks = new List<long>(calls);
        var started = Stopwatch.GetTimestamp();
        var threads = Enumerable.Range(0, callers).Select(c => new Thread(() =>
        {
            var mine = new List<long>();
            for (var i = c; i < calls; i += callers)
            {
                var t = Stopwatch.GetTimestamp();
                matcher.Match(Messages[i % Messages.Length]);
                mine.Add(Stopwatch.GetTimestamp() - t);
            }

            lock (ticks)
            {
                ticks.AddRange(mine);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return (ticks, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>What one message costs by its length: shows whether short repeated replies ("yes", "next") would gain from a cache.</summary>
    private static void PerMessage(NearestExampleMatcher matcher)
    {
        foreach (var message in Messages)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < 20; i++)
            {
                matcher.Match(message);
            }

            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds / 20;
            Print($"    {ms,5:0.0} ms  {message.Length,3} chars  {(message.Length > 40 ? message[..40] + "…" : message)}");
        }
    }

    private static void Report(string lane, (List<long> Ticks, TimeSpan Wall) run)
    {
        var s = LatencySummary.From(run.Ticks);
        Print($"{lane}: per call mean {s.Mean:0.0} ms, p50 {s.P50:0.0}, p90 {s.P90:0.0}, p99 {s.P99:0.0}, max {s.Max:0.0}; {run.Ticks.Count / run.Wall.TotalSeconds:0} calls/s");
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
