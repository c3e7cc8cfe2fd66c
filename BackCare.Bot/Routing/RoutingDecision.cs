namespace BackCare.Bot.Routing;

/// <summary>What the bot should do with a routed message.</summary>
public enum RoutingDecision
{
    /// <summary>Confident: answer with <see cref="RoutingResult.Intent"/> straight away.</summary>
    Answer,

    /// <summary>Unsure between candidates: ask "did you mean A or B?" from <see cref="RoutingResult.Alternatives"/>.</summary>
    Clarify,

    /// <summary>Out of scope (intent "none"): say honestly what the bot can help with.</summary>
    Fallback,
}
