namespace BackCare.Bot.Reminders;

/// <summary>What a "remind me …" message asked for, with the defaults filled in.</summary>
public sealed record ReminderRequest
{
    public const int DefaultIntervalMinutes = 45;
    public const int MinIntervalMinutes = 15;
    public const int MaxIntervalMinutes = 240;

    public static readonly TimeOnly DefaultStart = new(9, 0);
    public static readonly TimeOnly DefaultEnd = new(17, 0);

    public static IReadOnlyList<DayOfWeek> Weekdays { get; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static IReadOnlyList<DayOfWeek> EveryDay { get; } = [.. Weekdays, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public int IntervalMinutes { get; init; } = DefaultIntervalMinutes;

    public TimeOnly Start { get; init; } = DefaultStart;

    public TimeOnly End { get; init; } = DefaultEnd;

    public IReadOnlyList<DayOfWeek> Days { get; init; } = Weekdays;
}
