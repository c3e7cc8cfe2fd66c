using BackCare.Bot.DialogEngine;
using BackCare.Bot.Storage;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Reminders;

/// <summary>
/// The scan lease as a row in the bot's IStorage (SQLite, memory), with an expiry on the injected clock and ETag-checked
/// writes: taking it overwrites the version just read, so of two instances only one succeeds. The row is never deleted
/// (a release only ends its time), because a missing key takes any write; only the very first creation can race, and
/// then both scan once, which the per-reminder claims make harmless.
/// </summary>
public sealed class StorageScanLease(IStorage storage, TimeProvider time) : IReminderScanLease
{
    public const string Key = "reminders/scan-lease";

    /// <summary>This instance's name in the lease row.</summary>
    public string Owner { get; } = Guid.NewGuid().ToString("N");

    public async Task<bool> TryAcquireAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (current is not null && current.Owner != Owner && current.ExpiresUtc > now)
        {
            return false;
        }

        var mine = new ScanLeaseRecord { Owner = Owner, ExpiresUtc = now + duration, ETag = current?.ETag ?? "*" };
        try
        {
            await storage.WriteAsync(new Dictionary<string, object> { [Key] = mine }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ETagConflictException.IsETagConflict(e))
        {
            return false;
        }

        // A first creation takes any ETag: the last writer holds it.
        return current is not null || (await ReadAsync(cancellationToken).ConfigureAwait(false))?.Owner == Owner;
    }

    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        var current = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (current is null || current.Owner != Owner)
        {
            return;
        }

        current.ExpiresUtc = time.GetUtcNow();
        try
        {
            await storage.WriteAsync(new Dictionary<string, object> { [Key] = current }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ETagConflictException.IsETagConflict(e))
        {
            // Expired and taken by another instance meanwhile: it is theirs now.
        }
    }

    private async Task<ScanLeaseRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([Key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(Key, out var value) ? StateValue.To<ScanLeaseRecord>(value) : null;
    }
}
