using BackCare.Bot.Routing;

namespace BackCare.Bot.Tests.Routing;

/// <summary>A line the router got wrong, with what it answered.</summary>
public sealed record RoutingEvalMiss(RoutingEvalCase Case, RoutingResult Result)
{
    public override string ToString() =>
        $"line {Case.Line}: expected {string.Join("|", Case.Expected)}, got {Result.Intent} ({Result.Decision}, {Result.Score:0.00}; "
        + $"{string.Join(", ", Result.Alternatives.Select(a => $"{a.Intent} {a.Score:0.00}"))}): \"{Case.Text}\"";
}
