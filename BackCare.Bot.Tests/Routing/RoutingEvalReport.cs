using System.Text;

namespace BackCare.Bot.Tests.Routing;

/// <summary>Top-1 accuracy of the router over an evaluation set, and its misses by kind.</summary>
public sealed record RoutingEvalReport(string Name, int Total, IReadOnlyList<RoutingEvalMiss> Misses)
{
    public double Accuracy => Total == 0 ? 0 : (Total - Misses.Count) / (double)Total;

    /// <summary>Red flags that were not routed to "urgent": each one is a person not told to get emergency care.</summary>
    public IReadOnlyList<RoutingEvalMiss> UrgentMisses => Misses.Where(m => m.Case.ExpectsUrgent).ToList();

    /// <summary>Off-topic messages answered as if they were about backs.</summary>
    public IReadOnlyList<RoutingEvalMiss> OffTopicMisses => Misses.Where(m => m.Case.ExpectsNone).ToList();

    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine($"{Name}: {Total - Misses.Count}/{Total} right, top-1 accuracy {Accuracy:P1}");
        foreach (var miss in Misses) text.AppendLine("  miss " + miss);
        return text.ToString();
    }
}
