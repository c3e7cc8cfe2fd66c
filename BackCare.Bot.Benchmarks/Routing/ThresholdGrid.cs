using System.Globalization;
using BackCare.Bot.Routing;
using BackCare.Bot.Routing.Semantic;
using BackCare.Bot.TestSupport.Routing;

namespace BackCare.Bot.Benchmarks.Routing;

/// <summary>
/// Thresholds tried over a grid, every set scored unseen (its own lines left out of the examples); the best by the
/// total, a missed red flag counting twice. The classifier's bars around routing.json's values (wider grids were
/// tried: answer 0.2–0.5, margin 0.05–0.2, overrule 0.25–0.65, keep 0.05–0.3, urgent 0.5–0.7, nearest 0.4–0.6;
/// BENCHMARKS.md).
/// </summary>
internal static class ThresholdGrid
{
    private static readonly double[] Answers = [0.25, 0.3, 0.4];
    private static readonly double[] Margins = [0.05, 0.1, 0.15];
    private static readonly double[] Overrules = [0.35, 0.45];
    private static readonly double[] Keeps = [0.1, 0.15];
    private static readonly double[] Urgents = [0.6, 0.7];
    private static readonly double[] Nearests = [0.4, 0.5];

    public static void Run(KeywordRouter keywords, IReadOnlyList<SemanticExample> examples, ITextEmbedder embedder, IReadOnlyList<RoutingEvalSet> sets)
    {
        var matchers = sets.Select(set =>
        {
            var own = set.Cases.Select(c => RoutingEvaluation.Key(c.Text)).ToHashSet(StringComparer.Ordinal);
            return new NearestExampleMatcher(embedder, examples.Where(e => !own.Contains(RoutingEvaluation.Key(e.Text))).ToList());
        }).ToList();
        var baseline = keywords.SemanticThresholds;
        var grid =
            from answer in Answers
            from margin in Margins
            from overrule in Overrules
            from keep in Keeps
            from urgent in Urgents
            from nearest in Nearests
            select baseline with { ClassifierAnswer = answer, ClassifierMargin = margin, ClassifierOverrule = overrule, ClassifierKeep = keep, ClassifierUrgent = urgent, ClassifierNearest = nearest };
        var results = grid.Select(t => Score(t, keywords, matchers, sets)).ToList();

        foreach (var (_, line) in results.OrderByDescending(r => r.Score).Take(15))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine("as routing.json has them:");
        Console.WriteLine(Score(baseline, keywords, matchers, sets).Line);
    }

    private static (double Score, string Line) Score(SemanticThresholds t, KeywordRouter keywords, List<NearestExampleMatcher> matchers, IReadOnlyList<RoutingEvalSet> sets)
    {
        int right = 0, total = 0, urgentMissed = 0, falseAlarms = 0, offTopic = 0;
        var perSet = "";
        for (var i = 0; i < sets.Count; i++)
        {
            var report = sets[i].Evaluate(new MessageRouter(keywords, matchers[i], t));
            right += report.Total - report.Misses.Count;
            total += report.Total;
            urgentMissed += report.UrgentMisses.Count;
            falseAlarms += report.FalseAlarms.Count;
            offTopic += report.OffTopicMisses.Count;
            perSet += string.Create(CultureInfo.InvariantCulture, $" {report.Total - report.Misses.Count}");
        }

        // A missed red flag or a false alarm weighs more than an ordinary miss.
        var score = right - (2 * urgentMissed) - falseAlarms;
        return (score, string.Create(CultureInfo.InvariantCulture,
            $"answer {t.ClassifierAnswer} margin {t.ClassifierMargin} overrule {t.ClassifierOverrule} keep {t.ClassifierKeep} urgent {t.ClassifierUrgent} nearest {t.ClassifierNearest}: {right}/{total} {right / (double)total:P1}, red flags missed {urgentMissed}, false alarms {falseAlarms}, off-topic answered {offTopic};{perSet}"));
    }
}
