using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace BackCare.Bot.Reminders;

/// <summary>Where the last reminder tick stopped: the first due bucket still to read, and when all subscriptions were last swept.</summary>
public sealed class ReminderScanCursor : IStoreItem
{
    public DateTimeOffset NextBucketUtc { get; set; }

    public DateTimeOffset LastSweepUtc { get; set; }

    [JsonProperty("eTag")]
    public string? ETag { get; set; }
}
