namespace BackCare.Bot.Recognition;

/// <summary>What an answer to "how long has it hurt?" says: a length in days, or pain that comes and goes with no length given.</summary>
public sealed record PainDuration
{
    private PainDuration(double? days) => Days = days;

    /// <summary>Pain that keeps coming back, with no length given: not a new episode.</summary>
    public static PainDuration Recurrent { get; } = new((double?)null);

    /// <summary>The length in days; null for <see cref="Recurrent"/> pain.</summary>
    public double? Days { get; }

    public static PainDuration Lasting(double days) => new(days);

    /// <summary>True when the pain has lasted more than <paramref name="days"/>, or keeps coming back (which counts as long-standing).</summary>
    public bool IsLongerThan(int days) => Days is not { } length || length > days;
}
