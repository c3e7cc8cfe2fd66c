namespace BackCare.Bot.Content;

/// <summary>The screening: an introduction, the questions in the order asked, the duration question and the outcome texts.</summary>
public sealed record ScreeningScript(
    string Introduction,
    IReadOnlyList<ScreeningQuestion> Questions,
    DurationQuestion Duration,
    ScreeningOutcomeTexts Outcomes);
