namespace BackCare.Bot.Tests.Routing;

/// <summary>One line of an evaluation set: the acceptable routing ids and the message.</summary>
public sealed record RoutingEvalCase(int Line, IReadOnlySet<string> Expected, string Text)
{
    public bool ExpectsUrgent => Expected.Contains("urgent");

    public bool ExpectsNone => Expected.Count == 1 && Expected.Contains("none");
}
