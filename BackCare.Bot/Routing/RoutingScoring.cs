namespace BackCare.Bot.Routing;

/// <summary>How matched keyword weights become a 0..1 score.</summary>
public sealed class RoutingScoring
{
    /// <summary>Raw weight at which strength reaches 63 % (strength = 1 − e^(−raw / saturation)).</summary>
    public required double Saturation { get; init; }

    /// <summary>Share of its weight a negated keyword keeps ("not pregnant" still hints at the subject, weakly).</summary>
    public required double NegatedKeywordFactor { get; init; }

    /// <summary>A candidate is offered in "did you mean" when its raw weight is at least this share of the best one's.</summary>
    public required double ClarifyShare { get; init; }

    /// <summary>At most this many alternatives (2 or 3 read best as buttons).</summary>
    public required int MaxAlternatives { get; init; }

    /// <summary>Words a phrase tolerates between its own words ("crack my own back" matches "crack back").</summary>
    public required int PhraseGap { get; init; }
}
