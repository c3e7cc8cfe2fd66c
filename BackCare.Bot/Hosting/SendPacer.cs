using System.Threading.RateLimiting;

namespace BackCare.Bot.Hosting;

/// <summary>
/// Keeps what the bot sends to each conversation within Teams' per-conversation limits, so a burst waits a
/// moment here instead of meeting 429s from Teams. One sliding-window limiter per limit, partitioned by
/// conversation (System.Threading.RateLimiting); the partitioned limiters drop a conversation's windows once
/// they have been empty for 10 s, so memory follows the conversations active within the longest window (an hour).
/// </summary>
public sealed class SendPacer : IDisposable
{
    /// <summary>
    /// Teams' documented per bot per thread limits for sending to a conversation
    /// (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
    /// </summary>
    public static IReadOnlyList<SendLimit> TeamsLimits { get; } =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromHours(1)),
    ];

    /// <summary>
    /// A little under the partitioned limiter's replenishment timer (100 ms), which slides each window by one
    /// segment per tick: shorter segments would make the windows slide slower than the clock.
    /// </summary>
    private static readonly TimeSpan SegmentTarget = TimeSpan.FromMilliseconds(95);

    /// <summary>Bounds the counters kept per conversation for the long windows.</summary>
    private const int MaxSegments = 30;

    private readonly PartitionedRateLimiter<string>[] _windows;
    private readonly PartitionedRateLimiter<string> _limiter;

    /// <summary>Teams' limits on .NET's sliding-window limiters.</summary>
    public SendPacer()
        : this(TeamsLimits, SlidingWindow)
    {
    }

    /// <param name="limits">The limits every conversation is held to, all at once.</param>
    /// <param name="window">Makes the limiter of one limit for one conversation (tests pass ones they slide by hand).</param>
    public SendPacer(IEnumerable<SendLimit> limits, Func<string, SendLimit, RateLimiter> window)
    {
        _windows = limits
            .Select(limit => PartitionedRateLimiter.Create<string, string>(
                conversation => RateLimitPartition.Get(conversation, key => window(key, limit)),
                StringComparer.Ordinal))
            .ToArray();
        _limiter = PartitionedRateLimiter.CreateChained(_windows);
    }

    /// <summary>
    /// Waits until one more activity may go to <paramref name="conversation"/> within every limit, and counts it
    /// there. Send straight after: the windows count from now. A lease not acquired means the pacer is shutting down.
    /// </summary>
    public async ValueTask<RateLimitLease> AcquireAsync(string conversation, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Take from all windows at once, and only when all have room. A chained AcquireAsync(1) would take the
            // first window's permit and then wait for the next, so the first would count the send before it happens,
            // and a sliding window's permit cannot be given back.
            if (_limiter.GetStatistics(conversation) is not { CurrentAvailablePermits: <= 0 })
            {
                var lease = _limiter.AttemptAcquire(conversation);
                if (lease.IsAcquired)
                {
                    return lease;
                }

                // Another send to the same conversation took the room first: wait again.
                lease.Dispose();
            }

            // Zero permits: wait, taking nothing, until every window has room again.
            using var room = await _limiter.AcquireAsync(conversation, 0, cancellationToken).ConfigureAwait(false);
            if (!room.IsAcquired)
            {
                return room;
            }
        }
    }

    /// <summary>The window of <paramref name="limit"/> for one conversation: .NET's SlidingWindowRateLimiter, as <see cref="WindowOptions"/> sets it.</summary>
    internal static RateLimiter SlidingWindow(string conversation, SendLimit limit) => new SlidingWindowRateLimiter(WindowOptions(limit));

    /// <summary>
    /// .NET's SlidingWindowRateLimiter for <paramref name="limit"/>. It gives a permit back when the permit's segment
    /// slides out, which can be up to one segment less than the window after the send (the segment was already
    /// under way). So the window here is the limit's plus two segments: a permit comes back more than the
    /// limit's window and one segment after its send, the segment a margin for network jitter.
    /// </summary>
    internal static SlidingWindowRateLimiterOptions WindowOptions(SendLimit limit)
    {
        var segments = (int)Math.Clamp(Math.Ceiling(limit.Window / SegmentTarget), 1, MaxSegments);
        var segment = TimeSpan.FromTicks((limit.Window.Ticks + segments - 1) / segments);
        return new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            SegmentsPerWindow = segments + 2,
            Window = TimeSpan.FromTicks(segment.Ticks * (segments + 2)),

            // The partitioned limiter's one timer replenishes every conversation's window: no timer per conversation.
            AutoReplenishment = false,

            // Nothing queues for permits: AcquireAsync waits for room with zero-permit requests, which take no queue space.
            QueueLimit = 0,
        };
    }

    public void Dispose()
    {
        // The chain does not dispose what it chains; the partitioned limiters stop their timers and release any waiting send.
        _limiter.Dispose();
        foreach (var window in _windows)
        {
            window.Dispose();
        }
    }
}
