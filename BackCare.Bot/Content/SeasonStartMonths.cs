namespace BackCare.Bot.Content;

/// <summary>
/// The month (1 to 12) each season begins. The recognizer names a season but gives it no dates; these
/// place it. The defaults in screening.json are the meteorological seasons of the northern hemisphere.
/// </summary>
public sealed record SeasonStartMonths(int Spring, int Summer, int Autumn, int Winter);
