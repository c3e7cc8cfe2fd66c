using Microsoft.Bot.Builder;

namespace BackCare.Bot.Tests.Telemetry;

/// <summary>
/// Storage whose first <c>readers</c> reads of the day document each wait (a quarter of a second at most) until that many have
/// started, so concurrent read-modify-writes interleave as they would under load instead of by luck.
/// </summary>
internal sealed class ReadTogetherStorage(IStorage inner, int readers) : IStorage
{
    private readonly TaskCompletionSource _allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reads;

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var items = await inner.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        if (keys.Any(k => k.StartsWith(Unanswered.UnansweredStore.KeyPrefix, StringComparison.Ordinal) && k != Unanswered.UnansweredStore.IndexKey)
            && Interlocked.Increment(ref _reads) <= readers)
        {
            if (_reads >= readers)
            {
                _allRead.TrySetResult();
            }

            // Bounded: with one-at-a-time counting the others cannot read until this one has written.
            await Task.WhenAny(_allRead.Task, Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken)).ConfigureAwait(false);
        }

        return items;
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => inner.WriteAsync(changes, cancellationToken);

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
}
