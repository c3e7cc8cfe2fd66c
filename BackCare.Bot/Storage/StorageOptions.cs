namespace BackCare.Bot.Storage;

/// <summary>The <c>Storage</c> section of the settings: where conversation and user state are kept.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string DefaultSqlitePath = "data/backcare.db";

    public const string DefaultBlobContainer = "backcare-state";

    public StorageKind Kind { get; set; } = StorageKind.Sqlite;

    /// <summary>The SQLite file; a relative path is taken from the app's content root (the output folder).</summary>
    public string SqlitePath { get; set; } = DefaultSqlitePath;

    /// <summary>An Azure Storage connection string (or Azurite's); required when <see cref="Kind"/> is Blob.</summary>
    public string? BlobConnectionString { get; set; }

    /// <summary>The blob container, created when missing.</summary>
    public string BlobContainer { get; set; } = DefaultBlobContainer;
}
