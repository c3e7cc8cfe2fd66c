using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Storage;

/// <summary>
/// An <see cref="IStorage"/> in an Azure Blob Storage container, one blob per key: what several bot instances
/// behind a load balancer share. The project does not reference the SDK's own Microsoft.Bot.Builder.Azure.Blobs
/// (docs/architecture.md says which SDK packages it uses and why), so this one is the bot's, over Azure.Storage.Blobs. A value's ETag is its blob's
/// ETag, and writes are conditional requests, so the ETag rules are those of the SDK's MemoryStorage, across
/// instances: an <see cref="IStoreItem"/> written over a stored one must carry the stored ETag or "*", else
/// <see cref="ETagConflictException"/>; a missing key takes an item with no ETag (or "*"), and one with an ETag is a
/// conflict (it was read, then deleted, as by "forget me": it stays deleted); other values are not checked.
/// </summary>
public sealed class BlobStorage : IStorage, IStorageKeyLister, IDisposable
{
    /// <summary>Blob metadata telling whether the value was an IStoreItem (whose ETag is checked) or a plain value (never checked).</summary>
    private const string StoreItemMetadata = "storeitem";

    /// <summary>Blob metadata holding the key (escaped), which a blob name only hashes; the retention sweep lists keys by it.</summary>
    private const string KeyMetadata = "key";

    private const int MaxCheckedWriteAttempts = 5;

    private readonly BlobContainerClient _container;
    private readonly StateJsonSerializer _serializer;
    private readonly ILogger? _logger;
    private readonly SemaphoreSlim _containerLock = new(1, 1);
    private volatile bool _containerReady;

    public BlobStorage(string connectionString, string containerName, ILogger<BlobStorage>? logger = null)
        : this(new BlobContainerClient(connectionString, containerName, CreateClientOptions()), logger)
    {
    }

    public BlobStorage(BlobContainerClient container, ILogger<BlobStorage>? logger = null)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _logger = logger;
        _serializer = new StateJsonSerializer(logger);
    }

    public string ContainerName => _container.Name;

    /// <summary>The container (for <see cref="BlobActivityClaims"/>, which keeps its claims beside the state).</summary>
    internal BlobContainerClient Container => _container;

    public void Dispose() => _containerLock.Dispose();

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, object>(StringComparer.Ordinal);
        if (keys.Length == 0)
        {
            return found;
        }

        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var reads = keys.Distinct(StringComparer.Ordinal).Select(key => ReadOneAsync(key, cancellationToken)).ToArray();
        foreach (var (key, value) in await Task.WhenAll(reads).ConfigureAwait(false))
        {
            if (value is not null)
            {
                found[key] = value;
            }
        }

        return found;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);

        // In order, stopping at the first conflict, as MemoryStorage does (blobs have no multi-blob transaction).
        foreach (var (key, value) in changes)
        {
            await WriteOneAsync(key, value, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            return;
        }

        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(keys.Distinct(StringComparer.Ordinal).Select(key =>
            _container.GetBlobClient(BlobNames.For(key)).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>
    /// Keys from the blobs' metadata, one listing page at a time. A blob written before keys were kept in metadata is
    /// not listed; it gains the key the next time it is saved.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<string>> ListKeysAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var page in _container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).AsPages(pageSizeHint: pageSize).ConfigureAwait(false))
        {
            var keys = page.Values
                .Select(blob => blob.Metadata is { } metadata && metadata.TryGetValue(KeyMetadata, out var escaped) ? Uri.UnescapeDataString(escaped) : null)
                .OfType<string>()
                .ToList();
            if (keys.Count > 0)
            {
                yield return keys;
            }
        }
    }

    /// <summary>
    /// Bounded retries and timeouts: a turn waiting on storage must still answer inside Teams' 15-second resend
    /// window, and an outage should surface as an error the turn handler reports, not as a hang.
    /// </summary>
    private static BlobClientOptions CreateClientOptions()
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }

    private static bool IsMissing(RequestFailedException e) => e.Status == (int)HttpStatusCode.NotFound;

    private async Task<(string Key, object? Value)> ReadOneAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var download = await _container.GetBlobClient(BlobNames.For(key)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var value = _serializer.Deserialize(key, download.Value.Content.ToMemory().Span);
            if (value is IStoreItem item)
            {
                item.ETag = download.Value.Details.ETag.ToString();
            }

            return (key, value);
        }
        catch (RequestFailedException e) when (IsMissing(e))
        {
            return (key, null);
        }
    }

    private async Task WriteOneAsync(string key, object? value, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(BlobNames.For(key));
        if (value is null)
        {
            // MemoryStorage reads a key written as null as missing.
            await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var content = BinaryData.FromBytes(_serializer.SerializeToUtf8(value));
        var storeItem = value as IStoreItem;
        if (storeItem is null || storeItem.ETag == "*")
        {
            await UploadAsync(blob, key, content, storeItem is not null, conditions: null, cancellationToken).ConfigureAwait(false);
            return;
        }

        // A checked write. The first try is the common case: the writer holds the current ETag (or the key is
        // new and it holds none). When the condition fails, the blob's properties say why: gone after being read
        // with an ETag (deleted meanwhile: a conflict, never re-created), a plain value (never checked, so replace
        // that version), or a conflict.
        var expected = storeItem.ETag;
        var conditions = string.IsNullOrEmpty(expected)
            ? new BlobRequestConditions { IfNoneMatch = ETag.All }
            : new BlobRequestConditions { IfMatch = new ETag(expected) };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await UploadAsync(blob, key, content, isStoreItem: true, conditions, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.NotFound)
            {
                BlobProperties? current = null;
                try
                {
                    current = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
                }
                catch (RequestFailedException missing) when (IsMissing(missing))
                {
                    // Deleted, or never there: a conflict if it was read (above), else created below.
                }

                var currentIsStoreItem = current is not null
                    && (!current.Metadata.TryGetValue(StoreItemMetadata, out var flag) || !string.Equals(flag, "false", StringComparison.OrdinalIgnoreCase));
                var deletedSinceRead = current is null && !string.IsNullOrEmpty(expected);
                if (currentIsStoreItem || deletedSinceRead || attempt == MaxCheckedWriteAttempts)
                {
                    throw new ETagConflictException(key, expected, current?.ETag.ToString());
                }

                // Another writer may get in between; the next attempt's condition then fails again and is re-examined.
                conditions = current is null
                    ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                    : new BlobRequestConditions { IfMatch = current.ETag };
                _logger?.LogDebug("A blob changed under a checked write; attempt {Attempt}.", attempt + 1);
            }
        }
    }

    private static Task<Response<BlobContentInfo>> UploadAsync(BlobClient blob, string key, BinaryData content, bool isStoreItem, BlobRequestConditions? conditions, CancellationToken cancellationToken) =>
        blob.UploadAsync(
            content,
            new BlobUploadOptions
            {
                Conditions = conditions,
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                Metadata = new Dictionary<string, string> { [StoreItemMetadata] = isStoreItem ? "true" : "false", [KeyMetadata] = Uri.EscapeDataString(key) },
            },
            cancellationToken);

    /// <summary>Creates the container on first use; a failure (storage not up yet) is retried on the next call.</summary>
    internal async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerReady)
        {
            return;
        }

        await _containerLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_containerReady)
            {
                await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                _containerReady = true;
            }
        }
        finally
        {
            _containerLock.Release();
        }
    }
}
