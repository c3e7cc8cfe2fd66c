namespace BackCare.Bot.Routing;

/// <summary>
/// Tells the body sense of an anchor word from its everyday senses by its neighbours: "my back", "back pain"
/// are the body; "back up", "be right back", "roll back" are not. Body-sense neighbours win; otherwise an
/// everyday-sense neighbour makes the word a non-anchor; with neither, it is read as the body.
/// </summary>
public sealed class AnchorSense
{
    public required string Word { get; init; }

    public IReadOnlyList<string> AnchorBefore { get; init; } = [];

    public IReadOnlyList<string> AnchorAfter { get; init; } = [];

    public IReadOnlyList<string> OtherBefore { get; init; } = [];

    public IReadOnlyList<string> OtherAfter { get; init; } = [];
}
