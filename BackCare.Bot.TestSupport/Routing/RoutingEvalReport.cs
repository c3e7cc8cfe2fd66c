using System.Globalization;
using System.Text;

namespace BackCare.Bot.TestSupport.Routing;

/// <summary>What users of an evaluation set were shown: accuracy overall and per category, and the misses by kind.</summary>
public sealed record RoutingEvalReport(string Name, IReadOnlyList<RoutingEvalCase> Cases, IReadOnlyList<RoutingEvalMiss> Misses)
{
    public int Total => Cases.Count;

    public double Accuracy => Total == 0 ? 0 : (Total - Misses.Count) / (double)Total;

    /// <summary>Red flags that were not routed to "urgent": each one is a person not told to get emergency care.</summary>
    public IReadOnlyList<RoutingEvalMiss> UrgentMisses => Misses.Where(m => m.Case.ExpectsOnlyUrgent).ToList();

    /// <summary>Messages given the emergency answer that did not call for it (it also blocks every technique).</summary>
    public IReadOnlyList<RoutingEvalMiss> FalseAlarms => Misses.Where(m => m.Shown == "urgent" && !m.Case.ExpectsUrgent).ToList();

    /// <summary>Off-topic messages answered as if they were about backs.</summary>
    public IReadOnlyList<RoutingEvalMiss> OffTopicMisses => Misses.Where(m => m.Case.ExpectsNone).ToList();

    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Name}: {Total - Misses.Count}/{Total} shown right, {Accuracy:P1}; red flags missed {UrgentMisses.Count} of {Cases.Count(c => c.ExpectsOnlyUrgent)}; "
            + $"false alarms {FalseAlarms.Count}; off-topic answered {OffTopicMisses.Count} of {Cases.Count(c => c.ExpectsNone)}");
        foreach (var group in Cases.GroupBy(c => c.Category).Where(g => g.Key.Length > 0))
        {
            var missed = Misses.Count(m => m.Case.Category == group.Key);
            text.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key}: {group.Count() - missed}/{group.Count()}");
        }

        foreach (var miss in Misses)
        {
            text.AppendLine("  miss " + miss);
        }

        return text.ToString();
    }
}
