using System.Diagnostics;
using BackCare.Bot.Storage;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Telemetry;

/// <summary>
/// The bot's storage with a span for each read, write and delete, and counts of ETag conflicts and failures.
/// Spans carry the number of keys only: keys name conversations and users.
/// </summary>
public sealed class TracedStorage(IStorage inner) : IStorage, IStorageDecorator
{
    /// <summary>The storage the settings chose, under the tracing.</summary>
    public IStorage Inner => inner;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
        TraceAsync("read", keys?.Length ?? 0, () => inner.ReadAsync(keys!, cancellationToken));

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
        TraceAsync("write", changes?.Count ?? 0, async () =>
        {
            await inner.WriteAsync(changes!, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
        TraceAsync("delete", keys?.Length ?? 0, async () =>
        {
            await inner.DeleteAsync(keys!, cancellationToken).ConfigureAwait(false);
            return true;
        });

    private static async Task<T> TraceAsync<T>(string operation, int keys, Func<Task<T>> call)
    {
        using var span = BotTelemetry.Source.StartActivity("storage " + operation, ActivityKind.Client);
        span?.SetTag("storage.operation", operation);
        span?.SetTag("storage.keys", keys);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var conflict = ETagConflictException.IsETagConflict(e);
            if (conflict)
            {
                BotTelemetry.StateConflict(operation);
            }
            else
            {
                BotTelemetry.StorageError(operation);
            }

            span?.SetStatus(ActivityStatusCode.Error, conflict ? "etag conflict" : e.GetType().Name);
            span?.SetTag("error.type", e.GetType().FullName);
            throw;
        }
    }
}
