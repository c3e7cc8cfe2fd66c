using Azure.Storage.Blobs;
using BackCare.Bot.Reminders;
using BackCare.Bot.Tests.Storage;

namespace BackCare.Bot.Tests.Reminders;

/// <summary>The reminder scan lease on Blob storage (a real blob lease, against Azurite): one holder at a time.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobScanLeaseTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Two_instances_take_turns_the_holder_renews_and_a_release_lets_the_other_in()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.NewContainerName("lease"));
        var a = new BlobScanLease(container);
        var b = new BlobScanLease(container);

        Assert.True(await a.TryAcquireAsync(TimeSpan.FromSeconds(15), CancellationToken.None));
        Assert.False(await b.TryAcquireAsync(TimeSpan.FromSeconds(15), CancellationToken.None));

        // The holder renews with its own lease id.
        Assert.True(await a.TryAcquireAsync(TimeSpan.FromSeconds(15), CancellationToken.None));

        await a.ReleaseAsync(CancellationToken.None);
        Assert.True(await b.TryAcquireAsync(TimeSpan.FromSeconds(15), CancellationToken.None));
        Assert.False(await a.TryAcquireAsync(TimeSpan.FromSeconds(15), CancellationToken.None));

        // Releasing a lease another instance holds changes nothing.
        await a.ReleaseAsync(CancellationToken.None);
        Assert.False(await a.TryAcquireAsync(TimeSpan.FromSeconds(15), CancellationToken.None));
        await b.ReleaseAsync(CancellationToken.None);
    }
}
