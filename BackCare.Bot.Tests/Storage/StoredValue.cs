namespace BackCare.Bot.Tests.Storage;

/// <summary>A value without an ETag (as BotState's dictionaries are): writes of it are never checked.</summary>
public sealed class StoredValue
{
    public string? Name { get; set; }

    public int Count { get; set; }
}
