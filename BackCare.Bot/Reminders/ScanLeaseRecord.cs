using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace BackCare.Bot.Reminders;

/// <summary>The lease row of <see cref="StorageScanLease"/>: which instance scans, until when.</summary>
public sealed class ScanLeaseRecord : IStoreItem
{
    public string Owner { get; set; } = string.Empty;

    public DateTimeOffset ExpiresUtc { get; set; }

    [JsonProperty("eTag")]
    public string? ETag { get; set; }
}
