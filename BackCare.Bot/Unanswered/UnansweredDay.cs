using Microsoft.Bot.Builder;

namespace BackCare.Bot.Unanswered;

/// <summary>One UTC day's counts, by normalised text: no user, conversation or time of day is kept.</summary>
public sealed class UnansweredDay : IStoreItem
{
    public Dictionary<string, UnansweredCount> Counts { get; set; } = new(StringComparer.Ordinal);

    public string? ETag { get; set; }
}
