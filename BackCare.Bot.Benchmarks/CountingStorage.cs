using Microsoft.Bot.Builder;

namespace BackCare.Bot.Benchmarks;

/// <summary>An IStorage that counts what passes through it: read calls, items asked for, writes and deletes.</summary>
internal sealed class CountingStorage(IStorage inner) : IStorage
{
    private long _readCalls;
    private long _itemsRead;
    private long _writes;
    private long _deletes;

    public long ReadCalls => Interlocked.Read(ref _readCalls);

    public long ItemsRead => Interlocked.Read(ref _itemsRead);

    public long Writes => Interlocked.Read(ref _writes);

    public long Deletes => Interlocked.Read(ref _deletes);

    public void Reset()
    {
        Interlocked.Exchange(ref _readCalls, 0);
        Interlocked.Exchange(ref _itemsRead, 0);
        Interlocked.Exchange(ref _writes, 0);
        Interlocked.Exchange(ref _deletes, 0);
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _readCalls);
        Interlocked.Add(ref _itemsRead, keys.Length);
        return inner.ReadAsync(keys, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _writes, changes.Count);
        return inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _deletes, keys.Length);
        return inner.DeleteAsync(keys, cancellationToken);
    }
}
