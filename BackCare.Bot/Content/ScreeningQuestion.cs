namespace BackCare.Bot.Content;

/// <summary>
/// A yes/no screening question. A "yes" puts the user at <see cref="Level"/>; for a caution it also
/// leaves out every technique carrying one of <see cref="ExcludesTags"/>, telling the user <see cref="Reason"/>.
/// </summary>
public sealed record ScreeningQuestion(
    string Id,
    ScreeningLevel Level,
    string Text,
    string? Hint,
    IReadOnlyList<string> ExcludesTags,
    string? Reason);
