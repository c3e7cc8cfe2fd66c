namespace BackCare.Bot.Reminders;

/// <summary>When the next reminder is due: strictly inside the chosen hours and days, in the user's local time.</summary>
public static class ReminderSchedule
{
    /// <summary>The first due time after <paramref name="nowUtc"/>: one interval on if that is still within today's hours, else one interval into the next allowed day's hours.</summary>
    public static DateTimeOffset NextDue(ReminderSubscription subscription, DateTimeOffset nowUtc)
    {
        var interval = TimeSpan.FromMinutes(subscription.IntervalMinutes);
        var candidate = nowUtc + interval;
        if (IsWithinHours(subscription, candidate) && IsWithinHours(subscription, nowUtc))
        {
            return candidate;
        }

        var local = ToLocal(subscription, nowUtc);
        for (var day = 0; day <= 8; day++)
        {
            var date = DateOnly.FromDateTime(local.DateTime).AddDays(day);
            if (!subscription.Days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var windowStart = ToUtc(subscription, date.ToDateTime(subscription.Start));
            var windowEnd = ToUtc(subscription, date.ToDateTime(subscription.End));
            // A window shorter than the interval still gets one reminder, at its start.
            var due = windowStart + interval <= windowEnd ? windowStart + interval : windowStart;
            if (due > nowUtc)
            {
                return due;
            }
        }

        // No allowed day at all (cannot happen with parsed requests): check again in a day.
        return nowUtc.AddDays(1);
    }

    /// <summary>Whether <paramref name="utc"/> falls on a chosen day, between the start and end time, in the user's local time.</summary>
    public static bool IsWithinHours(ReminderSubscription subscription, DateTimeOffset utc)
    {
        var local = ToLocal(subscription, utc);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return subscription.Days.Contains(local.DayOfWeek) && time >= subscription.Start && time <= subscription.End;
    }

    public static DateTimeOffset ToLocal(ReminderSubscription subscription, DateTimeOffset utc) =>
        FindZone(subscription.TimeZoneId) is { } zone ? TimeZoneInfo.ConvertTime(utc, zone) : utc.ToOffset(subscription.UtcOffset);

    private static DateTimeOffset ToUtc(ReminderSubscription subscription, DateTime local)
    {
        if (FindZone(subscription.TimeZoneId) is { } zone)
        {
            // A local time skipped by a daylight-saving change does not exist: use the hour after.
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(unspecified))
            {
                unspecified = unspecified.AddHours(1);
            }

            return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
        }

        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), subscription.UtcOffset).ToUniversalTime();
    }

    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }
}
