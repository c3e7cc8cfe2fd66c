using System.Collections.Concurrent;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackCare.Bot.Reminders;

/// <summary>
/// Reminder subscriptions in the bot's IStorage (SQLite by default, so they survive a restart), one key per
/// user, plus two indexes: the list of all keys (<see cref="IndexKey"/>, for the hourly sweep and to tell a
/// forgotten user) and the due buckets (<see cref="ReminderDueIndex"/>, what a tick reads). Writes carry the ETag
/// they read, so two writers never silently overwrite each other; index updates retry with back-off.
/// An index update that still fails never fails the user's turn: the subscription is saved, the failure logged,
/// and the index is mended by the next tick (in this process) or by the sweep.
/// </summary>
public sealed class ReminderStore(IStorage storage, ILogger<ReminderStore>? logger = null)
{
    public const string IndexKey = "reminders/index";

    /// <summary>How many subscriptions one storage read asks for during a sweep.</summary>
    private const int ReadChunk = 500;

    private readonly ILogger _logger = logger ?? NullLogger<ReminderStore>.Instance;

    /// <summary>Subscriptions whose index update failed, mended on the next tick: key → due time.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unindexed = new(StringComparer.Ordinal);

    public ReminderDueIndex Due { get; } = new(storage);

    public static string KeyFor(string channelId, string userId) => $"reminders/{channelId}/{userId}";

    public async Task<ReminderSubscription?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var value) && As<ReminderSubscription>(value) is { Stopped: false } subscription ? subscription : null;
    }

    /// <summary>The live subscriptions among <paramref name="keys"/>, read in a few large reads.</summary>
    public async Task<List<ReminderSubscription>> GetManyAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var found = new List<ReminderSubscription>(keys.Count);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(ReadChunk))
        {
            var items = await storage.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            found.AddRange(items.Values.Select(As<ReminderSubscription>).OfType<ReminderSubscription>().Where(s => !s.Stopped));
        }

        return found;
    }

    /// <summary>
    /// Saves a subscription (with its ETag, or "*" for a new one), then makes sure both indexes list it. The save
    /// itself must succeed; an index update that fails after its retries is logged and mended later.
    /// </summary>
    public async Task SaveAsync(ReminderSubscription subscription, CancellationToken cancellationToken)
    {
        var key = KeyFor(subscription.ChannelId, subscription.UserId);
        subscription.ETag ??= "*";
        await storage.WriteAsync(new Dictionary<string, object> { [key] = subscription }, cancellationToken).ConfigureAwait(false);
        try
        {
            await IndexAsync(key, subscription.NextDueUtc, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _unindexed[key] = subscription.NextDueUtc;
            _logger.LogError(e, "A reminder subscription was saved but its index update failed; the next reminder tick retries it");
        }
    }

    /// <summary>Retries the index updates that failed in <see cref="SaveAsync"/>; what fails again waits for the next tick.</summary>
    public async Task MendIndexAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, due) in _unindexed.ToArray())
        {
            try
            {
                await IndexAsync(key, due, cancellationToken).ConfigureAwait(false);
                _unindexed.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, due));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(e, "A reminder index update failed again; retried on the next tick");
            }
        }
    }

    /// <summary>
    /// Saves the subscriptions the scheduler read, each with the ETag it read, without adding them to the key index;
    /// returns those claimed. One that changed meanwhile (a Snooze, a Stop, another instance's claim) fails its ETag
    /// check and is left as it now is. A "forget me" deleted it, and a missing key takes any ETag: the key index,
    /// which forget me updates, tells, and the keys this brought back are deleted again. The index is read once for
    /// the whole batch, after all the claims.
    /// </summary>
    public async Task<List<ReminderSubscription>> ClaimAsync(IReadOnlyList<ReminderSubscription> subscriptions, CancellationToken cancellationToken)
    {
        var claimed = new List<ReminderSubscription>(subscriptions.Count);
        foreach (var subscription in subscriptions)
        {
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [KeyOf(subscription)] = subscription }, cancellationToken).ConfigureAwait(false);
                claimed.Add(subscription);
            }
            catch (Exception e) when (ETagConflictException.IsETagConflict(e))
            {
                // Another instance claimed this reminder first, or the user changed it meanwhile: the newer version stands.
                _logger.LogInformation("A reminder changed while it was being claimed; left as it now is");
            }
        }

        if (claimed.Count == 0)
        {
            return claimed;
        }

        var listed = (await ReadIndexAsync(cancellationToken).ConfigureAwait(false)).Keys.ToHashSet(StringComparer.Ordinal);
        var forgotten = claimed.Where(s => !listed.Contains(KeyOf(s))).ToList();
        if (forgotten.Count > 0)
        {
            await storage.DeleteAsync([.. forgotten.Select(KeyOf)], cancellationToken).ConfigureAwait(false);
            claimed.RemoveAll(forgotten.Contains);
        }

        return claimed;
    }

    /// <summary>
    /// "stop reminders": the schedule and the conversation reference go, and a stopped marker takes their place
    /// (see <see cref="ReminderSubscription.Stopped"/>); true if reminders were on. A later opt-in overwrites it.
    /// </summary>
    public async Task<bool> StopAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var key = KeyFor(channelId, userId);
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        if (!items.TryGetValue(key, out var value))
        {
            return false;
        }

        var wasOn = As<ReminderSubscription>(value) is { Stopped: false };
        var marker = new ReminderSubscription { ChannelId = channelId, UserId = userId, Stopped = true, Days = [], ETag = "*" };
        await storage.WriteAsync(new Dictionary<string, object> { [key] = marker }, cancellationToken).ConfigureAwait(false);
        _unindexed.TryRemove(key, out _);

        // The marker alone already stops the sends; the key index only saves the sweep a read.
        await TryUnlistAsync(key, cancellationToken).ConfigureAwait(false);
        return wasOn;
    }

    /// <summary>
    /// "forget me", or a conversation the bot can no longer reach: the subscription, or its stopped marker, is deleted
    /// outright; true if reminders were on. Its due-bucket entries stay behind as hints that find nothing.
    /// </summary>
    public async Task<bool> DeleteAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var key = KeyFor(channelId, userId);
        var existed = await GetAsync(key, cancellationToken).ConfigureAwait(false) is not null;
        await storage.DeleteAsync([key], cancellationToken).ConfigureAwait(false);
        _unindexed.TryRemove(key, out _);
        await UpdateIndexAsync(keys => keys.Remove(key), cancellationToken).ConfigureAwait(false);

        // A scheduler that read the subscription before the first delete may have claimed it since, which writes the
        // key again; once the index no longer lists it, such a claim deletes it itself (ClaimAsync), before that it is
        // gone with this second delete. Forgetting wins over anything done meanwhile.
        await storage.DeleteAsync([key], cancellationToken).ConfigureAwait(false);
        return existed;
    }

    public async Task<IReadOnlyList<string>> ListKeysAsync(CancellationToken cancellationToken) =>
        (await ReadIndexAsync(cancellationToken).ConfigureAwait(false)).Keys;

    public static string KeyOf(ReminderSubscription subscription) => KeyFor(subscription.ChannelId, subscription.UserId);

    /// <summary>Key index first, then the due bucket: a bucket entry for a key the index lacks would be deleted as forgotten when claimed.</summary>
    private async Task IndexAsync(string key, DateTimeOffset due, CancellationToken cancellationToken)
    {
        await UpdateIndexAsync(keys => !keys.Contains(key) && Add(keys, key), cancellationToken).ConfigureAwait(false);
        await Due.AddAsync([(key, due)], cancellationToken).ConfigureAwait(false);
    }

    private async Task TryUnlistAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await UpdateIndexAsync(keys => keys.Remove(key), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(e, "Reminders were stopped, but the key index still lists them; the sweep skips the stopped marker");
        }
    }

    private static bool Add(List<string> keys, string key)
    {
        keys.Add(key);
        return true;
    }

    private async Task<ReminderIndex> ReadIndexAsync(CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([IndexKey], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(IndexKey, out var value) && As<ReminderIndex>(value) is { } index ? index : new ReminderIndex { ETag = "*" };
    }

    /// <summary>Read-modify-write of the key index, again with back-off on an ETag conflict or a transient error.</summary>
    private Task UpdateIndexAsync(Func<List<string>, bool> change, CancellationToken cancellationToken) =>
        StorageRetry.RunAsync(
            async ct =>
            {
                var index = await ReadIndexAsync(ct).ConfigureAwait(false);
                if (change(index.Keys))
                {
                    await storage.WriteAsync(new Dictionary<string, object> { [IndexKey] = index }, ct).ConfigureAwait(false);
                }
            },
            cancellationToken);

    /// <summary>Storages hand back the typed object or plain JSON, depending on how they serialize.</summary>
    private static T? As<T>(object? value)
        where T : class, IStoreItem => StateValue.To<T>(value);
}
