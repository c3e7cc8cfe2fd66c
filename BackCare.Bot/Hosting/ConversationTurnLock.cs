using Microsoft.Bot.Builder;

namespace BackCare.Bot.Hosting;

/// <summary>
/// Runs the turns of one conversation one at a time within this process, so two messages arriving
/// together (a double click, Teams re-sending after 15 s) cannot both load the same state and
/// overwrite each other's update. Across instances the state storage's ETag check catches the rest
/// (<see cref="State.GuardedStateStorage"/>).
/// </summary>
public sealed class ConversationTurnLock : Microsoft.Bot.Builder.IMiddleware
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var key = $"{turnContext.Activity.ChannelId}/{turnContext.Activity.Conversation?.Id}";
        var gate = Acquire(key);
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await next(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Semaphore.Release();
            }
        }
        finally
        {
            Release(key, gate);
        }
    }

    /// <summary>How many conversations currently hold a gate (for tests: gates are dropped when idle).</summary>
    public int ActiveGates
    {
        get
        {
            lock (_gates)
            {
                return _gates.Count;
            }
        }
    }

    private Gate Acquire(string key)
    {
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out var gate))
            {
                gate = new Gate();
                _gates[key] = gate;
            }

            gate.Users++;
            return gate;
        }
    }

    private void Release(string key, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(key);
                gate.Semaphore.Dispose();
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
