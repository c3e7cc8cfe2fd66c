namespace BackCare.Bot.Content;

/// <summary>
/// A specific yes/no screening question, asked as a follow-up after a "yes" to a <see cref="ScreeningCheck"/>.
/// A "yes" puts the user at <see cref="Level"/>. <see cref="Excludes"/> maps a technique tag to the reason told
/// for each technique carrying it that the answer leaves out; <see cref="Advice"/> is said when the answer was yes.
/// </summary>
public sealed record ScreeningQuestion(
    string Id,
    ScreeningLevel Level,
    string Text,
    string? Hint,
    IReadOnlyDictionary<string, string> Excludes,
    string? Advice);
