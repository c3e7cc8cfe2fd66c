namespace BackCare.Bot.Content;

/// <summary>
/// One "does any of this apply to you?" question with its list, so a person with none of the signs answers once
/// per level. A "yes" asks <see cref="FollowUps"/> (question ids, most serious first) to find which; a check with no
/// follow-ups ends at its <see cref="Level"/> at once, which is also the level a "yes" ends at when every
/// follow-up is then answered "no".
/// </summary>
public sealed record ScreeningCheck(
    string Id,
    ScreeningLevel Level,
    string Text,
    IReadOnlyList<string> Items,
    string? Hint,
    IReadOnlyList<string> FollowUps);
