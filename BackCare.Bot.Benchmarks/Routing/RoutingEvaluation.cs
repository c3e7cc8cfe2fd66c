using System.Diagnostics;
using System.Globalization;
using BackCare.Bot.Routing;
using BackCare.Bot.Routing.Semantic;
using BackCare.Bot.TestSupport.Routing;

namespace BackCare.Bot.Benchmarks.Routing;

/// <summary>
/// The `routing` verb: how well the router does on wording it has not seen. Every evaluation set is scored twice:
/// by the router as shipped, and "unseen", with the semantic layer trained only on the example lines that are not
/// copied from the set under test (leave one set out). The semantic layer's own first choice is scored too, so
/// that ways of reading the examples can be compared apart from the thresholds that combine them with the keywords.
/// </summary>
internal static class RoutingEvaluation
{
    public const string Command = "routing";

    public static int Run(IReadOnlyList<string> extraSets)
    {
        var keywords = KeywordRouter.LoadDefault();
        var examples = SemanticExamplesLoader.Load(SemanticExamplesLoader.DefaultPath);
        var embedder = new CachingEmbedder(SharedSemanticMatcher.Embedder);
        var sets = Sets(extraSets);
        Print($"{examples.Count} example lines; {sets.Count} sets, {sets.Sum(s => s.Cases.Count)} lines");
        if (Environment.GetEnvironmentVariable("ROUTING_EXPERIMENTS") == "1")
        {
            Console.WriteLine("sets: " + string.Join(" ", sets.Select(s => Path.GetFileName(s.Name))));
            ClassifierExperiments.Run(keywords, examples, embedder, sets);
            return 0;
        }

        if (Environment.GetEnvironmentVariable("ROUTING_GRID") == "1")
        {
            ThresholdGrid.Run(keywords, examples, embedder, sets);
            return 0;
        }

        var shipped = new MessageRouter(keywords, new NearestExampleMatcher(embedder, examples));
        var unseenTotal = new Tally();
        var shippedTotal = new Tally();
        foreach (var set in sets)
        {
            var own = set.Cases.Select(c => Key(c.Text)).ToHashSet(StringComparer.Ordinal);
            var pool = examples.Where(e => !own.Contains(Key(e.Text))).ToList();
            var matcher = new NearestExampleMatcher(embedder, pool);
            var unseen = new MessageRouter(keywords, matcher);
            var asShipped = set.Evaluate(shipped);
            var report = set.Evaluate(unseen);
            var semanticRight = set.Cases.Count(c => c.Expected.Contains(matcher.Match(keywords.CorrectSpelling(c.Text), 1).FirstOrDefault()?.Intent ?? RoutingIds.None));
            shippedTotal.Add(asShipped, 0);
            unseenTotal.Add(report, semanticRight);
            Print($"{Path.GetFileName(set.Name),-28} shipped {Line(asShipped)} | unseen {Line(report)} ({examples.Count - pool.Count} example lines left out); semantic alone {semanticRight}/{set.Cases.Count}");
            foreach (var miss in report.Misses) Console.WriteLine("    miss " + miss);
        }

        Print($"{"all sets",-28} shipped {shippedTotal} | unseen {unseenTotal}; semantic alone {unseenTotal.Semantic}/{unseenTotal.Total}");
        Cpu(shipped, sets);
        return 0;
    }

    /// <summary>Process CPU time to route every line of every set once more (the embeddings are cached, so a fresh model run is measured per message below).</summary>
    private static void Cpu(MessageRouter router, IReadOnlyList<RoutingEvalSet> sets)
    {
        var texts = sets.SelectMany(s => s.Cases).Select(c => c.Text + " ").ToList();
        foreach (var text in texts.Take(50)) router.Route(text);
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        foreach (var text in texts) router.Route(text);
        process.Refresh();
        var cpu = process.TotalProcessorTime - before;
        Print($"CPU per message (shipped router, fresh text each): {cpu.TotalMilliseconds / texts.Count:0.00} ms over {texts.Count} messages; wall {Stopwatch.GetElapsedTime(started).TotalMilliseconds / texts.Count:0.00} ms");
    }

    private static string Line(RoutingEvalReport r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Total - r.Misses.Count}/{r.Total} {r.Accuracy:P1} (red flags missed {r.UrgentMisses.Count}, false alarms {r.FalseAlarms.Count}, off-topic answered {r.OffTopicMisses.Count})");

    /// <summary>How a line is recognised as copied: case, punctuation and spacing aside.</summary>
    internal static string Key(string text) =>
        string.Join(' ', new string(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static List<RoutingEvalSet> Sets(IReadOnlyList<string> extra)
    {
        var sets = new List<RoutingEvalSet> { RoutingEvalSet.LoadDevSet() };
        if (RoutingEvalSet.TryLoadSharedDevSet2() is { } dev2) sets.Add(dev2);
        foreach (var name in new[] { "routing-heldout.tsv", "routing-heldout2.tsv", "routing-heldout3.tsv", "routing-tuning3.tsv", "routing-tuning4.tsv", "routing-new-subjects.tsv" })
        {
            sets.Add(RoutingEvalSet.Load(name));
        }

        sets.AddRange(extra.Select(RoutingEvalSet.LoadPath));
        return sets;
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    private sealed class Tally
    {
        public int Total { get; private set; }

        public int Right { get; private set; }

        public int Semantic { get; private set; }

        private int _urgentMissed;
        private int _falseAlarms;
        private int _offTopic;

        public void Add(RoutingEvalReport report, int semantic)
        {
            Total += report.Total;
            Right += report.Total - report.Misses.Count;
            Semantic += semantic;
            _urgentMissed += report.UrgentMisses.Count;
            _falseAlarms += report.FalseAlarms.Count;
            _offTopic += report.OffTopicMisses.Count;
        }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Right}/{Total} {Right / (double)Math.Max(1, Total):P1} (red flags missed {_urgentMissed}, false alarms {_falseAlarms}, off-topic answered {_offTopic})");
    }
}
