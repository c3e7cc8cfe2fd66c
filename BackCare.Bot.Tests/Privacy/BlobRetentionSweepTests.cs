using BackCare.Bot.Storage;
using BackCare.Bot.Tests.Storage;

namespace BackCare.Bot.Tests.Privacy;

/// <summary>The retention sweep on blob storage (Azurite), which lists keys from each blob's metadata.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobRetentionSweepTests(AzuriteFixture azurite)
{
    [Fact]
    public Task On_blob_storage_an_expired_screening_is_deleted_and_a_fresh_one_kept() =>
        RetentionSweepScenario.Expired_screening_goes_and_a_fresh_one_stays(new BlobStorage(azurite.ConnectionString, AzuriteFixture.NewContainerName("sweep")));

    [Fact]
    public Task On_blob_storage_an_idle_conversation_is_deleted_after_the_keep_period() =>
        RetentionSweepScenario.Idle_conversations_go_after_the_keep_period(new BlobStorage(azurite.ConnectionString, AzuriteFixture.NewContainerName("idle")));
}
