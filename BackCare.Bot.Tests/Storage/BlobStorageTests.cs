using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using BackCare.Bot.Storage;
using BackCare.Bot.TestSupport;

namespace BackCare.Bot.Tests.Storage;

/// <summary>What is particular to blob storage: blob names, the container, and an unreachable service.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobStorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_container_is_created_when_missing_and_every_blob_name_is_plain_and_bounded()
    {
        var name = AzuriteFixture.NewContainerName("names");
        var container = new BlobContainerClient(azurite.ConnectionString, name);
        Assert.False((await container.ExistsAsync()).Value);
        var storage = new BlobStorage(azurite.ConnectionString, name);

        string[] keys = ["msteams/conversations/19:abc@thread.tacv2", "../x", "trailing.", "ключ 🙂", new string('k', 1000)];
        await storage.WriteAsync(keys.ToDictionary(k => k, k => (object)new StoredValue { Name = k }));

        Assert.True((await container.ExistsAsync()).Value);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        Assert.Equal(keys.Length, names.Count);
        Assert.All(names, n => Assert.Matches(new Regex("^[A-Za-z0-9_-]{0,120}\\.[0-9a-f]{64}$"), n));
        Assert.Contains(names, n => n.StartsWith("msteams_conversations_19_abc_thread_tacv2.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_service_fails_within_a_few_seconds_rather_than_hanging_a_turn()
    {
        var port = LoopbackPort.Free();
        var connection = azurite.ConnectionString.Replace($":{azurite.Port}/", $":{port}/", StringComparison.Ordinal);
        var storage = new BlobStorage(connection, AzuriteFixture.NewContainerName("down"));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<Exception>(() => storage.ReadAsync(["anything"]));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(12), $"took {clock.Elapsed}");
    }
}
