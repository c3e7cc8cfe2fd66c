namespace BackCare.Bot.Routing;

/// <summary>
/// The red-flag rule a message raised: its name, its <see cref="SafetyLevels"/> level, the key of its advice
/// (messages.json, "safetyAdvice") and the routing id that answers it, if any.
/// </summary>
public sealed record RedFlagMatch(string Name, string Level, string? Advice, string? Answer = null);
