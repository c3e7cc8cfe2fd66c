namespace BackCare.Bot.Routing;

/// <summary>
/// How soon a red-flag rule of routing.json says to get help (its "level"), and so what the bot does with it.
/// The emergency rules lock the conversation; the others show their own advice (messages.json, "safetyAdvice").
/// </summary>
public static class SafetyLevels
{
    /// <summary>Now: the emergency number or the emergency department; nothing else offered until a re-screen.</summary>
    public const string Emergency = "emergency";

    /// <summary>Now, for a pregnant user: the maternity unit or midwife. No lock, but no technique in that reply.</summary>
    public const string Maternity = "maternity";

    /// <summary>Today: the GP, urgent care or the local non-emergency line.</summary>
    public const string SameDay = "sameDay";

    /// <summary>Soon: a routine GP or physio appointment.</summary>
    public const string Soon = "soon";

    /// <summary>The levels a rule of the "urgent" block may carry (none means <see cref="Emergency"/>).</summary>
    public static IReadOnlyList<string> Urgent { get; } = [Emergency, Maternity];

    /// <summary>The levels a rule of the "seeDoctorFirst" block must carry.</summary>
    public static IReadOnlyList<string> SeeDoctor { get; } = [SameDay, Soon];
}
