using System.Globalization;
using System.Net;
using Azure;
using Azure.Storage.Blobs.Models;

namespace BackCare.Bot.Storage;

/// <summary>
/// Activity claims in the state's blob container, one empty blob per claim under <see cref="Prefix"/>, its expiry
/// in its metadata: an upload with If-None-Match: * is the conditional create. An expired claim is deleted on the
/// ETag it was read with, so that of two instances taking it over only one succeeds.
/// </summary>
public sealed class BlobActivityClaims(BlobStorage storage, TimeProvider time) : IActivityClaims
{
    public const string Prefix = "activity-claims/";

    private const string ExpiresMetadata = "expires";

    public async Task<bool> TryClaimAsync(string id, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        await storage.EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var blob = storage.Container.GetBlobClient(Prefix + id);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                await blob.UploadAsync(
                    BinaryData.Empty,
                    new BlobUploadOptions
                    {
                        Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                        Metadata = new Dictionary<string, string> { [ExpiresMetadata] = expires.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
                    },
                    cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                BlobProperties held;
                try
                {
                    held = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
                }
                catch (RequestFailedException gone) when (gone.Status == (int)HttpStatusCode.NotFound)
                {
                    continue;
                }

                if (!HasExpired(held.Metadata, time.GetUtcNow()))
                {
                    return false;
                }

                await DeleteIfUnchangedAsync(Prefix + id, held.ETag, cancellationToken).ConfigureAwait(false);
            }
        }

        return false;
    }

    public async Task ReleaseAsync(string id, CancellationToken cancellationToken)
    {
        await storage.EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        await storage.Container.GetBlobClient(Prefix + id).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await storage.EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var removed = 0;
        await foreach (var item in storage.Container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, Prefix, cancellationToken).ConfigureAwait(false))
        {
            if (HasExpired(item.Metadata, now) && await DeleteIfUnchangedAsync(item.Name, item.Properties.ETag!.Value, cancellationToken).ConfigureAwait(false))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>A claim without a readable expiry counts as expired: nothing else would ever remove it.</summary>
    private static bool HasExpired(IDictionary<string, string> metadata, DateTimeOffset now) =>
        !metadata.TryGetValue(ExpiresMetadata, out var value)
        || !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires)
        || DateTimeOffset.FromUnixTimeMilliseconds(expires) <= now;

    /// <summary>Deletes the claim only as it was read: one taken over meanwhile stays.</summary>
    private async Task<bool> DeleteIfUnchangedAsync(string name, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Container.GetBlobClient(name).DeleteAsync(conditions: new BlobRequestConditions { IfMatch = etag }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }
}
