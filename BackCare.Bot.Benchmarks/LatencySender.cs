using BackCare.Bot.Reminders;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Benchmarks;

/// <summary>Stands in for the connector: each proactive send takes a fixed time, and the most sends in flight at once is kept.</summary>
internal sealed class LatencySender(TimeSpan latency) : IProactiveSender
{
    private int _inFlight;
    private int _maxInFlight;
    private int _sent;

    public int Sent => Volatile.Read(ref _sent);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public void Reset()
    {
        Interlocked.Exchange(ref _sent, 0);
        Interlocked.Exchange(ref _maxInFlight, 0);
    }

    public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _sent);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
