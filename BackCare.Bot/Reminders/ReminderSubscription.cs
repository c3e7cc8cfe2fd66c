using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace BackCare.Bot.Reminders;

/// <summary>
/// One user's movement-break reminders, stored under <see cref="ReminderStore.KeyFor"/> so they survive a
/// restart. Only what sending needs: where to send (the conversation reference), when, and the user's clock.
/// </summary>
public sealed class ReminderSubscription : IStoreItem
{
    public string UserId { get; set; } = string.Empty;

    public string ChannelId { get; set; } = string.Empty;

    public ConversationReference Reference { get; set; } = new();

    public int IntervalMinutes { get; set; } = ReminderRequest.DefaultIntervalMinutes;

    public TimeOnly Start { get; set; } = ReminderRequest.DefaultStart;

    public TimeOnly End { get; set; } = ReminderRequest.DefaultEnd;

    public List<DayOfWeek> Days { get; set; } = [.. ReminderRequest.Weekdays];

    /// <summary>The user's IANA (or Windows) time zone, when the channel sent one; preferred over <see cref="UtcOffset"/> because it knows daylight saving.</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>The offset of the user's local timestamp, used when no known time zone was sent.</summary>
    public TimeSpan UtcOffset { get; set; }

    public DateTimeOffset NextDueUtc { get; set; }

    public DateTimeOffset? SnoozedUntilUtc { get; set; }

    /// <summary>
    /// Set on the marker "stop reminders" leaves in place of a subscription (no schedule, no conversation reference):
    /// writing it changes the stored version, so a reminder being claimed at that moment fails its ETag check instead
    /// of bringing the subscription back. <see cref="ReminderStore.GetAsync"/> treats it as no subscription.
    /// </summary>
    public bool Stopped { get; set; }

    /// <summary>How many reminders were sent: picks the next prompt in turn.</summary>
    public int SentCount { get; set; }

    /// <summary>
    /// The technique tags the user's last screening allows (kept in step by the screening), so a reminder never suggests
    /// a movement they were advised against; empty when there was no screening or it allowed no technique.
    /// </summary>
    public List<string> AllowedTags { get; set; } = [];

    [JsonProperty("eTag")]
    public string? ETag { get; set; }
}
