namespace BackCare.Bot.Content;

/// <summary>How serious a "yes" to a screening question is, most serious first.</summary>
public enum ScreeningLevel
{
    /// <summary>A red flag: go to an emergency department now.</summary>
    Emergency,

    /// <summary>See a professional before any self-adjustment.</summary>
    SeeDoctorFirst,

    /// <summary>Allowed, but some techniques are left out.</summary>
    Caution,
}
