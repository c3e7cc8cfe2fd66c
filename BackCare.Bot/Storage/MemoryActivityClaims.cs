using System.Collections.Concurrent;

namespace BackCare.Bot.Storage;

/// <summary>Activity claims of one process (Storage:Kind=Memory): a dictionary whose TryAdd is the conditional create.</summary>
public sealed class MemoryActivityClaims(TimeProvider time) : IActivityClaims
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _claims = new(StringComparer.Ordinal);

    public Task<bool> TryClaimAsync(string id, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_claims.TryAdd(id, expires))
            {
                return Task.FromResult(true);
            }

            if (_claims.TryGetValue(id, out var held))
            {
                if (held > time.GetUtcNow())
                {
                    return Task.FromResult(false);
                }

                // Expired: taken over only if nobody else took it over first.
                if (_claims.TryUpdate(id, expires, held))
                {
                    return Task.FromResult(true);
                }
            }
        }
    }

    public Task ReleaseAsync(string id, CancellationToken cancellationToken)
    {
        _claims.TryRemove(id, out _);
        return Task.CompletedTask;
    }

    public Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var (id, expires) in _claims)
        {
            if (expires <= now && _claims.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, expires)))
            {
                removed++;
            }
        }

        return Task.FromResult(removed);
    }
}
