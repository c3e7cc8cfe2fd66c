namespace BackCare.Bot.DialogEngine.Choices;

/// <summary>The choice a user's answer picked, and how sure the match is (0..1).</summary>
public sealed record FoundChoice(string Value, int Index, double Score, string? Synonym = null);
