namespace BackCare.Bot.Pictures;

/// <summary>What a step card needs to show a picture: where the client fetches it from, and the alt text.</summary>
public sealed record StepImageReference(string Url, string AltText);
