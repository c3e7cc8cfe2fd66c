using Microsoft.Bot.Builder;

namespace BackCare.Bot.Tests.Reminders;

/// <summary>
/// An IStorage over another that counts the items read, and can make writes to keys with a given prefix fail
/// (a storage that is down for the index only).
/// </summary>
public sealed class CountingStorage(IStorage inner) : IStorage
{
    private int _itemsRead;

    public int ItemsRead => Volatile.Read(ref _itemsRead);

    /// <summary>Writes to keys starting with any of these throw, as a storage outage would.</summary>
    public List<string> FailingWritePrefixes { get; } = [];

    public void ResetCounts() => Interlocked.Exchange(ref _itemsRead, 0);

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _itemsRead, keys.Length);
        return inner.ReadAsync(keys, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        if (changes.Keys.Any(key => FailingWritePrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal))))
        {
            throw new TimeoutException("The storage did not answer.");
        }

        return inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
}
