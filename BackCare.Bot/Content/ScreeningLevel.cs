namespace BackCare.Bot.Content;

/// <summary>How serious a "yes" to a screening question is, most serious first; each level has its own time frame.</summary>
public enum ScreeningLevel
{
    /// <summary>A red flag: call the emergency number or go to an emergency department now.</summary>
    Emergency,

    /// <summary>See a GP, urgent care or the non-emergency line today; no technique until checked.</summary>
    SameDay,

    /// <summary>See a GP or physiotherapist in the next few days, before any technique.</summary>
    SeeDoctorFirst,

    /// <summary>Book a routine GP or physio appointment; gentle techniques are still offered meanwhile.</summary>
    Soon,

    /// <summary>Allowed, but some techniques are left out or adapted, or a warning is given.</summary>
    Caution,
}
