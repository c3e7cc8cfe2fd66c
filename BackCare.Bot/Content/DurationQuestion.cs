namespace BackCare.Bot.Content;

/// <summary>
/// "How long has it hurt?" Pain lasting longer than <see cref="SeeDoctorAfterDays"/> means see a doctor first.
/// <see cref="Vocabulary"/> holds the everyday wordings the date recognizer does not read on its own.
/// </summary>
public sealed record DurationQuestion(string Text, string RetryText, int SeeDoctorAfterDays, DurationVocabulary Vocabulary);
