using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Reminders;

/// <summary>
/// Reminder subscriptions in the bot's IStorage (SQLite by default, so they survive a restart), one key per
/// user plus an index of keys. Writes carry the ETag they read, so two writers never silently overwrite
/// each other; the index update retries a few times on a conflict.
/// </summary>
public sealed class ReminderStore(IStorage storage)
{
    public const string IndexKey = "reminders/index";

    private const int IndexAttempts = 5;

    public static string KeyFor(string channelId, string userId) => $"reminders/{channelId}/{userId}";

    public async Task<ReminderSubscription?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var value) && As<ReminderSubscription>(value) is { Stopped: false } subscription ? subscription : null;
    }

    /// <summary>Saves a subscription (with its ETag, or "*" for a new one) and makes sure the index lists it.</summary>
    public async Task SaveAsync(ReminderSubscription subscription, CancellationToken cancellationToken)
    {
        var key = KeyFor(subscription.ChannelId, subscription.UserId);
        subscription.ETag ??= "*";
        await storage.WriteAsync(new Dictionary<string, object> { [key] = subscription }, cancellationToken).ConfigureAwait(false);
        await UpdateIndexAsync(keys => keys.Contains(key) ? false : Add(keys, key), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves a subscription the scheduler read from the index, with the ETag it read, without adding it to the index.
    /// A "stop reminders" since then replaced it with a stopped marker, so this fails its ETag check. A "forget me"
    /// deleted it, and a missing key takes any ETag: the index, which forget me updates, tells, and the key this
    /// brought back is deleted again (false).
    /// </summary>
    public async Task<bool> ClaimAsync(ReminderSubscription subscription, CancellationToken cancellationToken)
    {
        var key = KeyFor(subscription.ChannelId, subscription.UserId);
        await storage.WriteAsync(new Dictionary<string, object> { [key] = subscription }, cancellationToken).ConfigureAwait(false);
        if ((await ReadIndexAsync(cancellationToken).ConfigureAwait(false)).Keys.Contains(key))
        {
            return true;
        }

        await storage.DeleteAsync([key], cancellationToken).ConfigureAwait(false);
        return false;
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
        await UpdateIndexAsync(keys => keys.Remove(key), cancellationToken).ConfigureAwait(false);
        return wasOn;
    }

    /// <summary>"forget me": the subscription, or its stopped marker, is deleted outright; true if reminders were on.</summary>
    public async Task<bool> DeleteAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var key = KeyFor(channelId, userId);
        var existed = await GetAsync(key, cancellationToken).ConfigureAwait(false) is not null;
        await storage.DeleteAsync([key], cancellationToken).ConfigureAwait(false);
        await UpdateIndexAsync(keys => keys.Remove(key), cancellationToken).ConfigureAwait(false);

        // A scheduler that read the subscription before the first delete may have claimed it since, which writes the
        // key again; once the index no longer lists it, such a claim deletes it itself (ClaimAsync), before that it is
        // gone with this second delete. Forgetting wins over anything done meanwhile.
        await storage.DeleteAsync([key], cancellationToken).ConfigureAwait(false);
        return existed;
    }

    public async Task<IReadOnlyList<string>> ListKeysAsync(CancellationToken cancellationToken) =>
        (await ReadIndexAsync(cancellationToken).ConfigureAwait(false)).Keys;

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

    /// <summary>Read-modify-write of the index, again on an ETag conflict (another writer got there first).</summary>
    private async Task UpdateIndexAsync(Func<List<string>, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var index = await ReadIndexAsync(cancellationToken).ConfigureAwait(false);
            if (!change(index.Keys))
            {
                return;
            }

            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [IndexKey] = index }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception) when (attempt < IndexAttempts && !cancellationToken.IsCancellationRequested)
            {
                // Most likely an ETag conflict: read the new version and apply the change to it.
            }
        }
    }

    /// <summary>Storages hand back the typed object or plain JSON, depending on how they serialize.</summary>
    private static T? As<T>(object? value)
        where T : class, IStoreItem => StateValue.To<T>(value);
}
