using Microsoft.Bot.Builder;

namespace BackCare.Bot.Tests.Storage;

/// <summary>A value with an ETag: writes of it are checked.</summary>
public sealed class StoredItem : IStoreItem
{
    public string? Name { get; set; }

    public int Count { get; set; }

    public List<string> Tags { get; set; } = [];

    public string? ETag { get; set; }
}
