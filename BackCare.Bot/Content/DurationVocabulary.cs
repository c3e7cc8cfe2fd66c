namespace BackCare.Bot.Content;

/// <summary>
/// Words for reading a free answer to "how long has it hurt?" that Microsoft.Recognizers.Text does not
/// cover, kept as data so a wording people use can be added without a code change. Phrases match whole
/// words, ignoring case, and an apostrophe in a phrase may be left out by the user ("dont know").
/// </summary>
/// <param name="Rewrites">Words rewritten before the recognizer reads the answer, e.g. "wks" to "weeks" or "several" to "3".</param>
/// <param name="VagueLengths">Lengths without a number ("for years", "ages"), each read as a number of days.</param>
/// <param name="AtLeast">Words saying the length given is a minimum ("3 weeks or more"): the pain counts as lasting a little longer.</param>
/// <param name="Recurrent">Pain that comes and goes: with no length given it is not a new episode, so it counts as long-standing.</param>
/// <param name="Unsure">An honest "not sure": an answer, though without a length.</param>
/// <param name="SeasonStartMonths">The month each season begins, to place "since the summer" in time.</param>
/// <param name="Frequencies">In pain that comes and goes, words that make the length after them how often, not how long ("some weeks worse than others"); optional.</param>
public sealed record DurationVocabulary(
    IReadOnlyDictionary<string, string> Rewrites,
    IReadOnlyList<VagueLength> VagueLengths,
    IReadOnlyList<string> AtLeast,
    IReadOnlyList<string> Recurrent,
    IReadOnlyList<string> Unsure,
    SeasonStartMonths SeasonStartMonths,
    IReadOnlyList<string>? Frequencies = null);
