using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace BackCare.Bot.Reminders;

/// <summary>
/// The subscriptions due within one minute (UTC): key → due time. A hint, not the truth: the subscription itself
/// says when it is due, so an entry left behind by a snooze or a stop is read once, found not due, and dropped.
/// </summary>
public sealed class ReminderDueBucket : IStoreItem
{
    public Dictionary<string, DateTimeOffset> Due { get; set; } = new(StringComparer.Ordinal);

    [JsonProperty("eTag")]
    public string? ETag { get; set; }
}
