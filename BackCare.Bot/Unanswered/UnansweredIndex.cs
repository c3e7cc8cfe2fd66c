using Microsoft.Bot.Builder;

namespace BackCare.Bot.Unanswered;

/// <summary>The days that have counts stored, so expired ones can be found and deleted without listing the storage.</summary>
public sealed class UnansweredIndex : IStoreItem
{
    public List<string> Days { get; set; } = [];

    public string? ETag { get; set; }
}
