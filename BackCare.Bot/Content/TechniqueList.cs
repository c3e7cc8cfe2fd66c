namespace BackCare.Bot.Content;

/// <summary>techniques.json as a whole: its "$schema" (for editors, dropped on reading) and the techniques, in the order they are offered.</summary>
internal sealed record TechniqueList(IReadOnlyList<Technique> Techniques);
