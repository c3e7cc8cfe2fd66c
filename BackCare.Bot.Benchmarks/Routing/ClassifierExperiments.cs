using System.Diagnostics;
using System.Globalization;
using BackCare.Bot.Routing;
using BackCare.Bot.Routing.Semantic;
using BackCare.Bot.TestSupport.Routing;

namespace BackCare.Bot.Benchmarks.Routing;

/// <summary>The semantic layer alone, read in several ways, each set scored with its own lines left out of training.</summary>
internal static class ClassifierExperiments
{
    public static void Run(KeywordRouter keywords, IReadOnlyList<SemanticExample> examples, ITextEmbedder embedder, IReadOnlyList<RoutingEvalSet> sets)
    {
        var ids = examples.Select(e => e.Intent).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList();
        var index = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var tuningLines = sets.Where(s => RoutingEvaluation.TuningSetNames.Contains(Path.GetFileName(s.Name)))
            .SelectMany(s => s.Cases.Where(c => c.Expected.Count == 1 && index.ContainsKey(c.Expected.First())).Select(c => new SemanticExample(c.Expected.First(), c.Text)))
            .ToList();
        var variants = new List<(string Name, Func<float[][], int[], Func<float[], double[]>> Train)>
        {
            ("nearest", (x, y) => Classifiers.TopK(x, y, ids.Count, 1)),
            ("top2mean", (x, y) => Classifiers.TopK(x, y, ids.Count, 2)),
            ("centroid", (x, y) => Classifiers.Centroid(x, y, ids.Count)),
            ("ridge1", (x, y) => Classifiers.Ridge(x, y, ids.Count, 1)),
            ("ridge0.3", (x, y) => Classifiers.Ridge(x, y, ids.Count, 0.3)),
            ("ridge0.1", (x, y) => Classifiers.Ridge(x, y, ids.Count, 0.1)),
            ("softmax", (x, y) => Classifiers.Softmax(x, y, ids.Count, 1e-4, 150, 1.0, 20)),
        };

        foreach (var withTuning in new[] { false, true })
        {
            Console.WriteLine(withTuning ? "training: examples.json + tuning sets (dev, dev2, tuning3, tuning4), own lines left out" : "training: examples.json, own lines left out");
            foreach (var (name, train) in variants)
            {
                var line = $"  {name,-10}";
                int right = 0, total = 0, heldRight = 0, heldTotal = 0;
                var trainMs = 0.0;
                foreach (var set in sets)
                {
                    var own = set.Cases.Select(c => RoutingEvaluation.Key(c.Text)).ToHashSet(StringComparer.Ordinal);
                    var pool = examples.Concat(withTuning ? tuningLines : []).Where(e => !own.Contains(RoutingEvaluation.Key(e.Text)))
                        .GroupBy(e => RoutingEvaluation.Key(e.Text)).Select(g => g.First()).ToList();
                    var x = embedder.Embed(pool.Select(e => SemanticText.Normalise(e.Text)).ToArray());
                    var y = pool.Select(e => index[e.Intent]).ToArray();
                    var started = Stopwatch.GetTimestamp();
                    var model = train(x, y);
                    trainMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    var ok = set.Cases.Count(c =>
                    {
                        var text = SemanticText.Normalise(keywords.CorrectSpelling(c.Text));
                        var pieces = SemanticText.Pieces(text);
                        var vector = embedder.Embed([pieces[0]])[0];
                        var scores = model(vector);
                        var best = Enumerable.Range(0, ids.Count).MaxBy(i => scores[i]);
                        return c.Expected.Contains(ids[best]);
                    });
                    right += ok;
                    total += set.Cases.Count;
                    if (Path.GetFileName(set.Name).Contains("heldout", StringComparison.Ordinal)) { heldRight += ok; heldTotal += set.Cases.Count; }
                    line += $" {ok,3}/{set.Cases.Count,-3}";
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line}  all {right}/{total} {right / (double)total:P1}; held-out 1-3 {heldRight}/{heldTotal} {heldRight / (double)heldTotal:P1}; training {trainMs / sets.Count:0} ms"));
            }
        }
    }
}
