using System.Net.Sockets;
using Azure;
using BackCare.Bot.Storage;
using Microsoft.Data.Sqlite;

namespace BackCare.Bot.Reminders;

/// <summary>
/// Bounded retries with exponential back-off and jitter for the reminder index's read-modify-writes: an ETag conflict
/// (another writer got there first) or a transient storage error is tried again a few times, waiting longer each
/// time (25, 50, 100 ms, with up to half again at random so two writers do not collide again), about 0.3 s at most;
/// anything else (a bug, bad data) is not retried. Real time, not the injected clock: the waits are tiny and a
/// fake clock that nobody advances would hang them.
/// </summary>
internal static class StorageRetry
{
    public const int MaxAttempts = 4;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(25);

    public static async Task RunAsync(Func<CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await operation(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                var delay = FirstDelay * Math.Pow(2, attempt - 1);
                await Task.Delay(delay + (delay * Random.Shared.NextDouble() / 2), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Worth another try: a conflict, or storage that may answer next time (busy SQLite, a 408/429/5xx from Blob, a network error).</summary>
    public static bool IsTransient(Exception e) =>
        ETagConflictException.IsETagConflict(e)
        || e is TimeoutException or IOException or SocketException or HttpRequestException
        || e is RequestFailedException { Status: 408 or 429 or >= 500 }
        || e is SqliteException { SqliteErrorCode: 5 or 6 } // SQLITE_BUSY, SQLITE_LOCKED
        || (e.InnerException is { } inner && IsTransient(inner));
}
