using System.Globalization;
using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Reminders;

/// <summary>
/// Subscriptions bucketed by the minute (UTC) they fall due, so a tick reads the bucket(s) since the last tick
/// instead of every subscription. Buckets are hints: the scheduler checks each subscription's own due time.
/// Every change is a read-modify-write with the ETag read, retried with back-off (<see cref="StorageRetry"/>).
/// </summary>
public sealed class ReminderDueIndex(IStorage storage)
{
    public const string BucketPrefix = "reminders/due/";

    public const string CursorKey = "reminders/due-cursor";

    public static readonly TimeSpan BucketWidth = TimeSpan.FromMinutes(1);

    /// <summary>The start of the bucket <paramref name="time"/> falls in.</summary>
    public static DateTimeOffset BucketOf(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % BucketWidth.Ticks), TimeSpan.Zero);

    public static string KeyOf(DateTimeOffset bucket) =>
        BucketPrefix + bucket.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>Adds each (key, due time) to the bucket of its due time: one read-modify-write per bucket.</summary>
    public async Task AddAsync(IEnumerable<(string Key, DateTimeOffset Due)> entries, CancellationToken cancellationToken)
    {
        foreach (var group in entries.GroupBy(e => BucketOf(e.Due)))
        {
            var additions = group.ToList();
            await UpdateAsync(
                group.Key,
                bucket =>
                {
                    var changed = false;
                    foreach (var (key, due) in additions)
                    {
                        if (!bucket.Due.TryGetValue(key, out var known) || known != due)
                        {
                            bucket.Due[key] = due;
                            changed = true;
                        }
                    }

                    return changed;
                },
                deleteIfEmpty: false,
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The buckets from <paramref name="first"/> to <paramref name="last"/> (bucket starts), in one storage read.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset Start, ReminderDueBucket Bucket)>> ReadAsync(DateTimeOffset first, DateTimeOffset last, CancellationToken cancellationToken)
    {
        var starts = new List<DateTimeOffset>();
        for (var start = BucketOf(first); start <= last; start += BucketWidth)
        {
            starts.Add(start);
        }

        var items = await storage.ReadAsync([.. starts.Select(KeyOf)], cancellationToken).ConfigureAwait(false);
        return [.. starts
            .Select(start => (start, Bucket: items.TryGetValue(KeyOf(start), out var value) ? StateValue.To<ReminderDueBucket>(value) : null))
            .Where(b => b.Bucket is not null)
            .Select(b => (b.start, b.Bucket!))];
    }

    /// <summary>
    /// Takes the handled entries (those due by <paramref name="now"/>) out of a bucket; a past bucket left empty is deleted.
    /// True when entries due by then are left (their handling failed, or they came meanwhile).
    /// </summary>
    public async Task<bool> RemoveAsync(DateTimeOffset start, IReadOnlySet<string> handled, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var left = false;
        await UpdateAsync(
            start,
            bucket =>
            {
                var removed = bucket.Due.Where(e => e.Value <= now && handled.Contains(e.Key)).Select(e => e.Key).ToList();
                removed.ForEach(key => bucket.Due.Remove(key));
                left = bucket.Due.Values.Any(due => due <= now);
                return removed.Count > 0;
            },
            deleteIfEmpty: start < BucketOf(now),
            cancellationToken).ConfigureAwait(false);
        return left;
    }

    /// <summary>Deletes whole buckets (ones a sweep has made redundant).</summary>
    public Task DeleteAsync(IEnumerable<DateTimeOffset> starts, CancellationToken cancellationToken) =>
        storage.DeleteAsync([.. starts.Select(KeyOf)], cancellationToken);

    public async Task<ReminderScanCursor?> ReadCursorAsync(CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([CursorKey], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(CursorKey, out var value) ? StateValue.To<ReminderScanCursor>(value) : null;
    }

    /// <summary>Only the lease holder writes the cursor, so no ETag check ("*").</summary>
    public Task WriteCursorAsync(ReminderScanCursor cursor, CancellationToken cancellationToken)
    {
        cursor.ETag = "*";
        return storage.WriteAsync(new Dictionary<string, object> { [CursorKey] = cursor }, cancellationToken);
    }

    private Task UpdateAsync(DateTimeOffset start, Func<ReminderDueBucket, bool> change, bool deleteIfEmpty, CancellationToken cancellationToken)
    {
        var key = KeyOf(start);
        return StorageRetry.RunAsync(
            async ct =>
            {
                var items = await storage.ReadAsync([key], ct).ConfigureAwait(false);
                var stored = items.TryGetValue(key, out var value) ? StateValue.To<ReminderDueBucket>(value) : null;
                var bucket = stored ?? new ReminderDueBucket { ETag = "*" };
                var changed = change(bucket);

                // A past bucket left empty (here or by an earlier tick, when it was the current one) goes.
                if (deleteIfEmpty && bucket.Due.Count == 0)
                {
                    if (stored is not null)
                    {
                        await storage.DeleteAsync([key], ct).ConfigureAwait(false);
                    }

                    return;
                }

                if (!changed)
                {
                    return;
                }

                await storage.WriteAsync(new Dictionary<string, object> { [key] = bucket }, ct).ConfigureAwait(false);
            },
            cancellationToken);
    }
}
