namespace BackCare.Bot.TestSupport.Routing;

/// <summary>One line of an evaluation set: the acceptable routing ids and the message.</summary>
public sealed record RoutingEvalCase(int Line, IReadOnlySet<string> Expected, string Text, string Category = "")
{
    public bool ExpectsUrgent => Expected.Contains("urgent");

    /// <summary>A red flag that must get the emergency answer (an "urgent|…" line accepts either).</summary>
    public bool ExpectsOnlyUrgent => Expected.Count == 1 && Expected.Contains("urgent");

    public bool ExpectsNone => Expected.Count == 1 && Expected.Contains("none");
}
