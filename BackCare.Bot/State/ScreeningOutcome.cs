namespace BackCare.Bot.State;

/// <summary>Where screening left the user. Stored as a number in saved state, so new values go at the end.</summary>
public enum ScreeningOutcome
{
    /// <summary>Call the emergency number or go to an emergency department now.</summary>
    Emergency = 0,

    /// <summary>See a GP or physiotherapist in the next few days, before any technique.</summary>
    SeeDoctorFirst = 1,

    /// <summary>Techniques allowed, some left out or adapted, or with a warning or a routine check-up advised.</summary>
    Cautions = 2,

    /// <summary>Nothing rules anything out.</summary>
    Clear = 3,

    /// <summary>See a GP, urgent care or the non-emergency line today; no technique until checked.</summary>
    SameDay = 4,
}
