using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace BackCare.Bot.Tests.Hosting;

/// <summary>
/// A send window that slides only when a test says so: a ConcurrencyLimiter whose permits stay used after each
/// send until <see cref="Slide"/> hands the oldest back, as a window does once they fall out of it. It is not a
/// ReplenishingRateLimiter, so the partitioned limiter's timer leaves it alone and nothing happens by the clock.
/// </summary>
public sealed class ManualWindow(int permitLimit) : RateLimiter
{
    private readonly ConcurrencyLimiter _permits = new(new ConcurrencyLimiterOptions { PermitLimit = permitLimit, QueueLimit = 0 });
    private readonly ConcurrentQueue<RateLimitLease> _used = new();
    private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Sends counted in the window and not yet slid out of it.</summary>
    public int Used => _used.Count;

    /// <summary>Completes once a send has had to wait for this window; fails after 30 s rather than hang a test whose send never waits.</summary>
    public Task Waiting => _waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));

    // Never idle, so the partitioned limiter never drops it while a test holds it.
    public override TimeSpan? IdleDuration => null;

    /// <summary>The oldest <paramref name="permits"/> sends fall out of the window, so waiting sends may go.</summary>
    public void Slide(int permits)
    {
        for (var i = 0; i < permits && _used.TryDequeue(out var lease); i++)
        {
            lease.Dispose();
        }
    }

    public override RateLimiterStatistics? GetStatistics() => _permits.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Count(_permits.AttemptAcquire(permitCount), permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var acquiring = _permits.AcquireAsync(permitCount, cancellationToken);
        if (!acquiring.IsCompleted)
        {
            _waiting.TrySetResult();
        }

        return Count(await acquiring.ConfigureAwait(false), permitCount);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Slide(int.MaxValue);
            _permits.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Keeps the permit of a send until the window slides, whatever the sender does with its lease.</summary>
    private RateLimitLease Count(RateLimitLease lease, int permitCount)
    {
        if (!lease.IsAcquired || permitCount == 0)
        {
            return lease;
        }

        _used.Enqueue(lease);
        return new CountedLease();
    }

    private sealed class CountedLease : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
