using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace BackCare.Bot.State;

/// <summary>How <see cref="GuardedStateStorage"/> stores a BotState dictionary: with an ETag the storage checks.</summary>
public sealed class StateEnvelope : IStoreItem
{
    [JsonProperty("eTag")]
    public string? ETag { get; set; }

    public IDictionary<string, object>? State { get; set; }

    /// <summary>When the state was last saved (null in items saved before this was kept): the retention sweep ages conversations by it.</summary>
    public DateTimeOffset? SavedAt { get; set; }
}
