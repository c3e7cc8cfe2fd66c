namespace BackCare.Bot.Storage;

/// <summary>Which IStorage keeps the bot's state (setting <c>Storage:Kind</c>).</summary>
public enum StorageKind
{
    /// <summary>A SQLite file on the instance's disk: the default, durable across restarts, no server to run.</summary>
    Sqlite,

    /// <summary>Azure Blob Storage: shared by several instances behind a load balancer.</summary>
    Blob,

    /// <summary>The SDK's MemoryStorage: lost on restart, for tests and quick experiments.</summary>
    Memory,
}
