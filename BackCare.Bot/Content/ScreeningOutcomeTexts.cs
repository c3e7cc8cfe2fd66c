namespace BackCare.Bot.Content;

/// <summary>What the bot says at the end of screening, per outcome.</summary>
public sealed record ScreeningOutcomeTexts(string Emergency, string SeeDoctorFirst, string Cautions, string Clear);
