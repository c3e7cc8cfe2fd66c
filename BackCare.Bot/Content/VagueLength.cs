namespace BackCare.Bot.Content;

/// <summary>Phrases that give a length without a number ("for months"), and the number of days each is read as.</summary>
public sealed record VagueLength(int Days, IReadOnlyList<string> Phrases);
