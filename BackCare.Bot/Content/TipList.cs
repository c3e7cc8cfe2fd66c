namespace BackCare.Bot.Content;

/// <summary>tips.json as a whole: its "$schema" (for editors, dropped on reading) and the prevention tips, in the order they are shown.</summary>
internal sealed record TipList(IReadOnlyList<Tip> Tips);
