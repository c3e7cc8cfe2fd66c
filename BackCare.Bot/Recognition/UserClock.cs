using BackCare.Bot.Reminders;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Recognition;

/// <summary>
/// The user's local time now, for reading "since Monday" or "between 9 and 5". The instant comes from the
/// bot's <see cref="TimeProvider"/>; only the user's time zone comes from the activity (its IANA or Windows
/// name when the channel sends one, as Teams does, else the offset of its local timestamp). The timestamp's
/// own clock is the sender's: a test's fake clock, or a device set wrong, would otherwise decide the date.
/// </summary>
public static class UserClock
{
    public static DateTimeOffset Now(TimeProvider time, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(activity);

        return ReminderSchedule.FindZone(activity.LocalTimezone) is { } zone
            ? TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone)
            : time.GetUtcNow().ToOffset(activity.LocalTimestamp?.Offset ?? TimeSpan.Zero);
    }
}
