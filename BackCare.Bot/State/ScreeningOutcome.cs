namespace BackCare.Bot.State;

/// <summary>Where screening left the user, most serious first.</summary>
public enum ScreeningOutcome
{
    Emergency,
    SeeDoctorFirst,
    Cautions,
    Clear,
}
