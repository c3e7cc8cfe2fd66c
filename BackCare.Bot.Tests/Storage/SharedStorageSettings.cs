namespace BackCare.Bot.Tests.Storage;

/// <summary>Bot settings for instances that share one storage, as instances behind a load balancer share it.</summary>
public static class SharedStorageSettings
{
    /// <summary>"Blob": a new container on Azurite; "Sqlite": a file in <paramref name="folder"/>.</summary>
    public static string[] For(string kind, AzuriteFixture azurite, TemporaryFolder folder, string containerPrefix)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        ArgumentNullException.ThrowIfNull(folder);
        return kind == "Blob"
            ? ["Storage:Kind=Blob", "Storage:BlobConnectionString=" + azurite.ConnectionString, "Storage:BlobContainer=" + AzuriteFixture.NewContainerName(containerPrefix)]
            : ["Storage:Kind=Sqlite", "Storage:SqlitePath=" + folder.File("shared.db")];
    }
}
