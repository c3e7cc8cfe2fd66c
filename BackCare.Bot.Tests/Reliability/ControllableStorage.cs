using Microsoft.Bot.Builder;

namespace BackCare.Bot.Tests.Reliability;

/// <summary>A MemoryStorage (or any storage) that a test can make slow to read or make fail, to play faults and races.</summary>
public sealed class ControllableStorage(IStorage inner) : IStorage
{
    /// <summary>Held after the inner read returned: the caller keeps what it read while others move on.</summary>
    public TimeSpan ReadDelay { get; set; }

    public bool Failing { get; set; }

    private TaskCompletionSource? _gate;

    /// <summary>Completes when a read is being held by <see cref="HoldReads"/>.</summary>
    public TaskCompletionSource ReadHeld { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        var items = await inner.ReadAsync(keys, cancellationToken);
        if (_gate is { } gate)
        {
            ReadHeld.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (ReadDelay > TimeSpan.Zero)
        {
            await Task.Delay(ReadDelay, cancellationToken);
        }

        return items;
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        return inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        return inner.DeleteAsync(keys, cancellationToken);
    }

    private void ThrowIfFailing()
    {
        if (Failing)
        {
            throw new IOException("Simulated storage outage: connection refused");
        }
    }
}
