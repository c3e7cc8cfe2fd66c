namespace BackCare.Bot.Content;

/// <summary>One step of a technique; <see cref="Hold"/> is null when the step has no hold.</summary>
public sealed record TechniqueStep(string Title, string Text, HoldTime? Hold);
