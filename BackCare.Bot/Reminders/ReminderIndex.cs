using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace BackCare.Bot.Reminders;

/// <summary>The keys of all reminder subscriptions: IStorage cannot list keys, so the scheduler reads this.</summary>
public sealed class ReminderIndex : IStoreItem
{
    public List<string> Keys { get; set; } = [];

    [JsonProperty("eTag")]
    public string? ETag { get; set; }
}
