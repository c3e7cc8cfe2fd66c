using BackCare.Bot.Routing;

namespace BackCare.Bot.TestSupport.Routing;

/// <summary>A line the router got wrong, with what it answered.</summary>
public sealed record RoutingEvalMiss(RoutingEvalCase Case, RoutingResult Result, string Shown)
{
    public override string ToString() =>
        $"line {Case.Line}: expected {string.Join("|", Case.Expected)}, shown {Shown} ({Result.Decision} by {Result.Layer}, {Result.Score:0.00}; "
        + $"{string.Join(", ", Result.Alternatives.Select(a => $"{a.Intent} {a.Score:0.00}"))}): \"{Case.Text}\"";
}
