namespace BackCare.Bot.Routing;

/// <summary>Score cut-offs: at or above <see cref="Answer"/> the bot answers; from <see cref="Clarify"/> it asks "did you mean"; below, it falls back.</summary>
public sealed class RoutingThresholds
{
    public required double Answer { get; init; }

    public required double Clarify { get; init; }
}
