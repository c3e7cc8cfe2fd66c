namespace BackCare.Bot.Content;

/// <summary>
/// A short answer to a question (routing ids faq:* and topic:*). <see cref="More"/> is the optional
/// longer part, offered as "tell me more" so answers stay chat-sized.
/// </summary>
public sealed record Answer(string Id, string Question, string Text, string? More, IReadOnlyList<string> Related);
