namespace BackCare.Bot.Content;

public static class ScreeningLevelExtensions
{
    /// <summary>Whether a "yes" at this level ends the screening (emergency, same day, see a doctor first).</summary>
    public static bool StopsScreening(this ScreeningLevel level) => level <= ScreeningLevel.SeeDoctorFirst;
}
