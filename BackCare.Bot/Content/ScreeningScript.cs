namespace BackCare.Bot.Content;

/// <summary>
/// The screening: an introduction, the checks in the order asked (the duration question goes before
/// <see cref="DurationBefore"/>), the follow-up questions, the duration question and the outcome texts.
/// </summary>
public sealed record ScreeningScript(
    string Introduction,
    IReadOnlyList<ScreeningCheck> Checks,
    string DurationBefore,
    IReadOnlyList<ScreeningQuestion> Questions,
    DurationQuestion Duration,
    ScreeningOutcomeTexts Outcomes)
{
    /// <summary>A follow-up question by id; null if there is none.</summary>
    public ScreeningQuestion? FindQuestion(string id) => Questions.FirstOrDefault(q => q.Id == id);
}
