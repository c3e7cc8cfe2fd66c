using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Storage;

/// <summary>
/// The SDK's MemoryStorage, which keeps its dictionary private, with a list of its keys beside it, so the
/// retention sweep works on memory storage too.
/// </summary>
public sealed class ListableMemoryStorage : IStorage, IStorageKeyLister
{
    private readonly MemoryStorage _inner = new();
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(keys, cancellationToken);

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);

        // Listed before the write: a key listed but missing is read as missing, a key written but not listed would never expire.
        foreach (var key in changes.Keys)
        {
            _keys.TryAdd(key, 0);
        }

        await _inner.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await _inner.DeleteAsync(keys, cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            _keys.TryRemove(key, out _);
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<string>> ListKeysAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        foreach (var page in _keys.Keys.Chunk(pageSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return page;
            await Task.Yield();
        }
    }
}
