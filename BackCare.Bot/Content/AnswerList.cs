namespace BackCare.Bot.Content;

/// <summary>answers.json as a whole: its "$schema" (for editors, dropped on reading) and the FAQ answers and topics.</summary>
internal sealed record AnswerList(IReadOnlyList<Answer> Answers);
