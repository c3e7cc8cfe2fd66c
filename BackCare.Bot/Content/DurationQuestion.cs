namespace BackCare.Bot.Content;

/// <summary>
/// "How long has it hurt?" Pain lasting longer than <see cref="SeeDoctorAfterDays"/> is worth a GP or physio review
/// (<see cref="LongStandingAdvice"/>), not a reason to withhold gentle movement.
/// <see cref="Vocabulary"/> holds the everyday wordings the date recognizer does not read on its own.
/// </summary>
public sealed record DurationQuestion(string Text, string RetryText, int SeeDoctorAfterDays, string LongStandingAdvice, DurationVocabulary Vocabulary);
