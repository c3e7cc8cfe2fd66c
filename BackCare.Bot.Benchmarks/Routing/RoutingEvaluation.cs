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

    public static int Run(IReadOnlyList<string> extraSets, bool compareClassifiers, bool grid, string? explain, bool cpu)
    {
        var keywords = KeywordRouter.LoadDefault();
        var examples = SemanticExamplesLoader.Load(SemanticExamplesLoader.DefaultPath);
        var embedder = new CachingEmbedder(SharedSemanticMatcher.Embedder);
        var sets = Sets(extraSets);
        Print($"{examples.Count} example lines; {sets.Count} sets, {sets.Sum(s => s.Cases.Count)} lines");
        if (compareClassifiers)
        {
            Console.WriteLine("sets: " + string.Join(" ", sets.Select(s => Path.GetFileName(s.Name))));
            ClassifierExperiments.Run(keywords, examples, embedder, sets);
            return 0;
        }

        if (grid)
        {
            ThresholdGrid.Run(keywords, examples, embedder, sets);
            return 0;
        }

        if (explain is { Length: > 0 } probe)
        {
            var router = new MessageRouter(keywords, new NearestExampleMatcher(embedder, examples));
            var kw = keywords.Route(probe);
            Console.WriteLine($"keywords: {kw.Intent} {kw.Decision} {kw.Score} [{string.Join(", ", kw.Alternatives.Select(a => a.Intent + " " + a.Score))}]");
            var r = router.Route(probe);
            Console.WriteLine($"router: {r.Intent} {r.Decision} {r.Layer} {r.Score}");
            foreach (var m in new NearestExampleMatcher(embedder, examples).Match(keywords.CorrectSpelling(probe), 50).OrderByDescending(m => m.Confidence).Take(6))
            {
                Console.WriteLine($"  {m.Intent} conf {m.Confidence:0.000} sim {m.Similarity:0.000} \"{m.Example}\"");
            }

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
            var semanticRight = set.Cases.Count(c => c.Expected.Contains(matcher.Match(keywords.CorrectSpelling(c.Text), 1) is [var first, ..] ? first.Intent : RoutingIds.None));
            shippedTotal.Add(asShipped, 0);
            unseenTotal.Add(report, semanticRight);
            Print($"{Path.GetFileName(set.Name),-28} shipped {Line(asShipped)} | unseen {Line(report)} ({examples.Count - pool.Count} example lines left out); semantic alone {semanticRight}/{set.Cases.Count}");
            foreach (var miss in report.Misses)
            {
                Console.WriteLine("    miss " + miss);
            }
        }

        Print($"{"all sets",-28} shipped {shippedTotal} | unseen {unseenTotal}; semantic alone {unseenTotal.Semantic}/{unseenTotal.Total}");
        if (cpu)
        {
            Cpu(keywords, examples, sets);
        }

        return 0;
    }

    /// <summary>
    /// Process CPU time to route every line of every set, with the model run afresh for each (no cache): the router as
    /// shipped against the same router with the classifier's rules off and only the examples written before the
    /// tuning sets' lines were added (the router before this change, but for the classifier's 42 dot products, which
    /// it still computes). Alternated twice, so that other work on the machine weighs on both alike.
    /// </summary>
    private static void Cpu(KeywordRouter keywords, IReadOnlyList<SemanticExample> examples, IReadOnlyList<RoutingEvalSet> sets)
    {
        var tuning = sets.Where(s => TuningSetNames.Contains(Path.GetFileName(s.Name))).SelectMany(s => s.Cases).Select(c => Key(c.Text)).ToHashSet(StringComparer.Ordinal);
        var off = keywords.SemanticThresholds with { ClassifierAnswer = 2, ClassifierOverrule = 2, ClassifierUrgent = 2 };
        var embedder = SharedSemanticMatcher.Embedder;
        var started = Stopwatch.GetTimestamp();
        var before = new MessageRouter(keywords, new NearestExampleMatcher(embedder, examples.Where(e => !tuning.Contains(Key(e.Text))).ToList()), off);
        var beforeBuilt = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        var after = new MessageRouter(keywords, new NearestExampleMatcher(embedder, examples));
        var afterBuilt = Stopwatch.GetElapsedTime(started);
        Print($"start-up (embedding the examples, training the classifier): before {beforeBuilt.TotalMilliseconds:0} ms, after {afterBuilt.TotalMilliseconds:0} ms");
        var texts = sets.SelectMany(s => s.Cases).Select(c => c.Text).ToList();
        foreach (var text in texts.Take(50))
        {
            before.Route(text);
            after.Route(text);
        }

        foreach (var round in new[] { 1, 2 })
        {
            foreach (var (name, router) in new[] { ("before", before), ("after", after) })
            {
                var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var wall = Stopwatch.GetTimestamp();
                foreach (var text in texts)
                {
                    router.Route(text);
                }

                process.Refresh();
                Print($"round {round}, {name}: CPU {(process.TotalProcessorTime - cpu).TotalMilliseconds / texts.Count:0.00} ms a message, wall {Stopwatch.GetElapsedTime(wall).TotalMilliseconds / texts.Count:0.00} ms ({texts.Count} messages)");
            }
        }
    }

    private static string Line(RoutingEvalReport r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Total - r.Misses.Count}/{r.Total} {r.Accuracy:P1} (red flags missed {r.UrgentMisses.Count}, false alarms {r.FalseAlarms.Count}, off-topic answered {r.OffTopicMisses.Count})");

    /// <summary>How a line is recognised as copied: case, punctuation and spacing aside.</summary>
    internal static string Key(string text) =>
        string.Join(' ', new string(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The sets whose lines examples.json holds (for the classifier to learn from); the others are never copied.</summary>
    internal static readonly string[] TuningSetNames = ["routing-dev.tsv", "routing-dev2.tsv", "routing-tuning3.tsv", "routing-tuning4.tsv"];

    private static List<RoutingEvalSet> Sets(IReadOnlyList<string> extra)
    {
        var sets = new List<RoutingEvalSet> { RoutingEvalSet.LoadDevSet() };
        if (RoutingEvalSet.TryLoadSharedDevSet2() is { } dev2)
        {
            sets.Add(dev2);
        }

        foreach (var name in new[] { "routing-heldout.tsv", "routing-heldout2.tsv", "routing-heldout3.tsv", "routing-tuning3.tsv", "routing-tuning4.tsv", "routing-new-subjects.tsv", "routing-prompt-answers.tsv" })
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
