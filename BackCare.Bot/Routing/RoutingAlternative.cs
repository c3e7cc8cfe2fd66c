namespace BackCare.Bot.Routing;

/// <summary>A candidate routing id and its score (0..1), as offered in "did you mean" and shown in the trace.</summary>
public sealed record RoutingAlternative(string Intent, double Score);
