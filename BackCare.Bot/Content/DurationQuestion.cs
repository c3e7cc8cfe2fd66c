namespace BackCare.Bot.Content;

/// <summary>"How long has it hurt?" Pain lasting longer than <see cref="SeeDoctorAfterDays"/> means see a doctor first.</summary>
public sealed record DurationQuestion(string Text, string RetryText, int SeeDoctorAfterDays);
