using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace BackCare.Bot.Reminders;

/// <summary>
/// The scan lease as an Azure blob lease on an empty blob in the bot's container: the storage service itself makes
/// sure only one lease id holds it, and it ends on its own when its time runs out (15 to 60 seconds), so an instance
/// that died mid-scan holds nobody up for long.
/// </summary>
public sealed class BlobScanLease(BlobContainerClient container) : IReminderScanLease
{
    public const string BlobName = "reminders-scan-lease";

    private static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(60);

    private readonly BlobLeaseClient _lease = container.GetBlobClient(BlobName).GetBlobLeaseClient(Guid.NewGuid().ToString());
    private volatile bool _blobReady;

    public async Task<bool> TryAcquireAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        await EnsureBlobAsync(cancellationToken).ConfigureAwait(false);
        var clamped = duration < MinDuration ? MinDuration : duration > MaxDuration ? MaxDuration : duration;
        try
        {
            // Acquiring with the lease id already held renews it.
            await _lease.AcquireAsync(clamped, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _lease.ReleaseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Expired and taken by another instance meanwhile: it is theirs now.
        }
    }

    private async Task EnsureBlobAsync(CancellationToken cancellationToken)
    {
        if (_blobReady)
        {
            return;
        }

        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            await container.GetBlobClient(BlobName).UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already there (another instance made it, or it is leased).
        }

        _blobReady = true;
    }
}
