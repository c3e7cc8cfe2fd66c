namespace BackCare.Bot.Content;

/// <summary>
/// A one-minute movement break. <see cref="Tags"/> are the technique tags of the movement it suggests
/// ("backbend" for leaning back), so it is only sent to someone whose screening allows them.
/// </summary>
public sealed record ReminderPrompt(string Text, IReadOnlyList<string> Tags);
