namespace BackCare.Bot.Content;

/// <summary>What the bot says at the end of screening, per outcome; <see cref="Soon"/> takes the reasons as {0}.</summary>
public sealed record ScreeningOutcomeTexts(string Emergency, string SameDay, string SeeDoctorFirst, string Soon, string Cautions, string Clear);
