using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using BackCare.Bot.Hosting;

namespace BackCare.Bot.Tests.Hosting;

/// <summary>The windows a <see cref="SendPacer"/> made with <see cref="Create"/>, one per conversation and limit, for a test to slide.</summary>
public sealed class ManualWindows
{
    private readonly ConcurrentDictionary<(string Conversation, SendLimit Limit), ManualWindow> _windows = new();

    /// <summary>The window of <paramref name="limit"/> for <paramref name="conversation"/>, made on first use by either side.</summary>
    public ManualWindow this[string conversation, SendLimit limit] => _windows.GetOrAdd((conversation, limit), key => new ManualWindow(key.Limit.PermitLimit));

    /// <summary>The factory to give <see cref="SendPacer"/>.</summary>
    public RateLimiter Create(string conversation, SendLimit limit) => this[conversation, limit];
}
