namespace BackCare.Bot.Routing;

/// <summary>A set of words that together, anywhere in one message, add <see cref="Weight"/>.</summary>
public sealed class KeywordCombination
{
    public required IReadOnlyList<string> Terms { get; init; }

    public required double Weight { get; init; }
}
