using Microsoft.Bot.Builder;

namespace BackCare.Bot.TestSupport;

/// <summary>
/// An IStorage over another (a MemoryStorage, a SQLite file) that counts what passes through it and that a test can
/// make slow, hold at a read, or fail, to play faults and races. With no fault asked for it only counts, so a
/// benchmark can measure through it.
/// </summary>
public sealed class ControllableStorage(IStorage inner) : IStorage
{
    private long _readCalls;
    private long _itemsRead;
    private long _writes;
    private long _deletes;
    private TaskCompletionSource? _gate;

    /// <summary>ReadAsync calls since the last <see cref="ResetCounts"/>.</summary>
    public long ReadCalls => Interlocked.Read(ref _readCalls);

    /// <summary>Keys asked for by those calls.</summary>
    public long ItemsRead => Interlocked.Read(ref _itemsRead);

    /// <summary>Items written.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Keys deleted.</summary>
    public long Deletes => Interlocked.Read(ref _deletes);

    /// <summary>Held after the inner read returned: the caller keeps what it read while others move on.</summary>
    public TimeSpan ReadDelay { get; set; }

    /// <summary>Every call throws, as a storage outage would.</summary>
    public bool Failing { get; set; }

    /// <summary>Writes to keys starting with any of these throw (a storage that is down for some keys only).</summary>
    public List<string> FailingWritePrefixes { get; } = [];

    /// <summary>Completes when a read is being held by <see cref="HoldReads"/>.</summary>
    public TaskCompletionSource ReadHeld { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ResetCounts()
    {
        Interlocked.Exchange(ref _readCalls, 0);
        Interlocked.Exchange(ref _itemsRead, 0);
        Interlocked.Exchange(ref _writes, 0);
        Interlocked.Exchange(ref _deletes, 0);
    }

    /// <summary>From now on a read keeps what it read until <see cref="ReleaseReads"/>: a race played in a fixed order.</summary>
    public void HoldReads()
    {
        ReadHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void ReleaseReads()
    {
        _gate?.TrySetResult();
        _gate = null;
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (Failing)
        {
            // A faulted task, as an outage seen by an async storage client would be.
            return Task.FromException<IDictionary<string, object>>(Outage());
        }

        Interlocked.Increment(ref _readCalls);
        Interlocked.Add(ref _itemsRead, keys.Length);
        var read = inner.ReadAsync(keys, cancellationToken);

        // Only a held or slowed read costs an extra task: measured through, this storage adds next to nothing.
        return _gate is null && ReadDelay <= TimeSpan.Zero ? read : HoldOrDelayAsync(read, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ThrowIfFailing();
        if (FailingWritePrefixes.Count > 0 && changes.Keys.Any(key => FailingWritePrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal))))
        {
            throw new TimeoutException("The storage did not answer.");
        }

        Interlocked.Add(ref _writes, changes.Count);
        return inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ThrowIfFailing();
        Interlocked.Add(ref _deletes, keys.Length);
        return inner.DeleteAsync(keys, cancellationToken);
    }

    private async Task<IDictionary<string, object>> HoldOrDelayAsync(Task<IDictionary<string, object>> read, CancellationToken cancellationToken)
    {
        var items = await read.ConfigureAwait(false);
        if (_gate is { } gate)
        {
            ReadHeld.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (ReadDelay > TimeSpan.Zero)
        {
            await Task.Delay(ReadDelay, cancellationToken).ConfigureAwait(false);
        }

        return items;
    }

    private void ThrowIfFailing()
    {
        if (Failing)
        {
            throw Outage();
        }
    }

    private static IOException Outage() => new("Simulated storage outage: connection refused");
}
