using BackCare.Bot.Bots;
using BackCare.Bot.CardRendering;
using BackCare.Bot.Hosting;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Reminders;

/// <summary>
/// Wakes every <see cref="BackCareOptions.ReminderTickSeconds"/> (a minute by default, on the injected clock, so
/// tests use a fake one) and sends the movement-break card to every subscription that is due, then schedules
/// its next reminder inside the user's hours and days.
/// One instance at a time scans (<see cref="IReminderScanLease"/>). A tick reads only the due buckets since the last
/// one (<see cref="ReminderDueIndex"/>) and the subscriptions they name; once an hour, or when there is no cursor
/// yet or too much to catch up, it sweeps all subscriptions instead and rebuilds the buckets. Sends run
/// <see cref="MaxConcurrentSends"/> at a time: each goes to a different conversation, and the send pacing in the
/// adapter keeps each conversation within Teams' limits.
/// Everything it needs is in storage, so a restarted bot carries on where the last one stopped.
/// </summary>
public sealed class ReminderScheduler(
    ReminderStore store,
    IReminderScanLease lease,
    IProactiveSender sender,
    BackCareReplies replies,
    LocalHelpOnSend localHelp,
    TimeProvider time,
    IOptions<BackCareOptions> options,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    /// <summary>Sends in flight at once: a few connector round trips overlap, far below what an app may send.</summary>
    public const int MaxConcurrentSends = 16;

    /// <summary>How often a tick reads every subscription, to mend index entries lost to failed writes.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromHours(1);

    /// <summary>More due buckets than this to catch up on (the bot was down a while): one sweep is cheaper.</summary>
    private const int MaxCatchUpBuckets = 60;

    /// <summary>How often the timer loop looks for due reminders.</summary>
    public TimeSpan Tick { get; } = TimeSpan.FromSeconds(options.Value.ReminderTickSeconds);

    /// <summary>Long enough for a slow tick; a crashed holder blocks the others no longer than this.</summary>
    private TimeSpan LeaseTime => TimeSpan.FromSeconds(Math.Clamp(Tick.TotalSeconds * 2, 30, 600));

    /// <summary>Sends every due reminder once; returns how many were sent. The timer loop calls this; tests call it directly.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await lease.TryAcquireAsync(LeaseTime, cancellationToken).ConfigureAwait(false))
        {
            // Another instance is scanning.
            return 0;
        }

        try
        {
            return await ScanAsync(now, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                await lease.ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // It runs out on its own.
                logger.LogWarning(e, "Could not release the reminder scan lease");
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await SendDueAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The storage may be down for a while; the next tick tries again.
                    logger.LogWarning(e, "Reminder tick failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<int> ScanAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await store.MendIndexAsync(cancellationToken).ConfigureAwait(false);
        var index = store.Due;
        var cursor = await index.ReadCursorAsync(cancellationToken).ConfigureAwait(false);
        var current = ReminderDueIndex.BucketOf(now);
        if (cursor is null
            || now - cursor.LastSweepUtc >= SweepInterval
            || (current - cursor.NextBucketUtc) / ReminderDueIndex.BucketWidth > MaxCatchUpBuckets)
        {
            var swept = await SweepAsync(cursor, now, cancellationToken).ConfigureAwait(false);
            await index.WriteCursorAsync(new ReminderScanCursor { NextBucketUtc = current, LastSweepUtc = now }, cancellationToken).ConfigureAwait(false);
            return swept;
        }

        var buckets = await index.ReadAsync(cursor.NextBucketUtc, current, cancellationToken).ConfigureAwait(false);
        var keys = buckets.SelectMany(b => b.Bucket.Due).Where(e => e.Value <= now).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var sent = 0;
        if (keys.Count > 0)
        {
            var subscriptions = await store.GetManyAsync(keys, cancellationToken).ConfigureAwait(false);
            sent = await SendAsync(subscriptions, now, cancellationToken).ConfigureAwait(false);
        }

        // Every entry due by now was handled (sent, skipped, or found stale); a bucket that still has due entries
        // (added meanwhile) is read again next tick.
        var next = current;
        foreach (var (start, bucket) in buckets)
        {
            if ((bucket.Due.Count > 0 || start < current)
                && await index.RemoveAsync(start, keys, now, cancellationToken).ConfigureAwait(false)
                && start < next)
            {
                next = start;
            }
        }

        await index.WriteCursorAsync(new ReminderScanCursor { NextBucketUtc = next, LastSweepUtc = cursor.LastSweepUtc }, cancellationToken).ConfigureAwait(false);
        return sent;
    }

    /// <summary>Reads every subscription: sends the due ones and makes sure the buckets list the others.</summary>
    private async Task<int> SweepAsync(ReminderScanCursor? cursor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keys = await store.ListKeysAsync(cancellationToken).ConfigureAwait(false);
        var subscriptions = await store.GetManyAsync([.. keys], cancellationToken).ConfigureAwait(false);
        var sent = await SendAsync(subscriptions, now, cancellationToken).ConfigureAwait(false);
        await store.Due.AddAsync(
            subscriptions.Where(s => s.NextDueUtc > now).Select(s => (ReminderStore.KeyOf(s), s.NextDueUtc)),
            cancellationToken).ConfigureAwait(false);

        // The buckets skipped over are all due, and this sweep handled everything due.
        if (cursor is not null)
        {
            var skipped = new List<DateTimeOffset>();
            for (var start = cursor.NextBucketUtc; start < ReminderDueIndex.BucketOf(now) && skipped.Count < 24 * 60; start += ReminderDueIndex.BucketWidth)
            {
                skipped.Add(start);
            }

            if (skipped.Count > 0)
            {
                await store.Due.DeleteAsync(skipped, cancellationToken).ConfigureAwait(false);
            }
        }

        return sent;
    }

    /// <summary>Claims the due subscriptions among <paramref name="subscriptions"/>, files their next due times, and sends.</summary>
    private async Task<int> SendAsync(IEnumerable<ReminderSubscription> subscriptions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cards = new Dictionary<ReminderSubscription, IMessageActivity?>(ReferenceEqualityComparer.Instance);
        foreach (var subscription in subscriptions.Where(s => s.NextDueUtc <= now))
        {
            cards[subscription] = Advance(subscription, now, replies);
        }

        if (cards.Count == 0)
        {
            return 0;
        }

        // Claim each reminder before sending it, with the ETag just read: another instance that read the same
        // version fails here instead of sending it twice, and a Stop clicked while the card is on its way is not
        // undone by a save arriving after it. A Stop that came between the read and the claim ends it here too.
        var claimed = await store.ClaimAsync([.. cards.Keys], cancellationToken).ConfigureAwait(false);
        try
        {
            await store.Due.AddAsync(claimed.Select(s => (ReminderStore.KeyOf(s), s.NextDueUtc)), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Claimed, so not sent twice; the hourly sweep files their next due times.
            logger.LogWarning(e, "Could not file the next due times of {Count} reminders; the sweep will", claimed.Count);
        }

        var sent = 0;
        await Parallel.ForEachAsync(
            claimed.Where(s => cards[s] is not null),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentSends, CancellationToken = cancellationToken },
            async (subscription, ct) =>
            {
                if (await TrySendAsync(subscription, cards[subscription]!, ct).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref sent);
                }
            }).ConfigureAwait(false);
        return sent;
    }

    /// <summary>
    /// One proactive send. A failure never reaches the user or their conversation state: a conversation the bot can no
    /// longer reach (403, 404) ends the subscription; anything else is logged, and the next reminder comes as usual.
    /// </summary>
    private async Task<bool> TrySendAsync(ReminderSubscription subscription, IMessageActivity card, CancellationToken cancellationToken)
    {
        try
        {
            await sender.ContinueConversationAsync(
                subscription.Reference,
                (turnContext, ct) =>
                {
                    // A proactive turn does not pass through the bot, so the reminder's local help is filled in here.
                    localHelp.Attach(turnContext);
                    return turnContext.SendActivityAsync(card, ct);
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (ConversationGone.Is(e))
        {
            logger.LogInformation("A reminder's conversation can no longer be reached (the app was removed or the bot blocked): the subscription ends");
            try
            {
                await store.DeleteAsync(subscription.ChannelId, subscription.UserId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception deleteError) when (deleteError is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The next due time was claimed, so the next tick tries again and ends it then.
                logger.LogWarning(deleteError, "Could not end a reminder subscription whose conversation is gone");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A connector hiccup or a throttled channel: this reminder is lost, the next comes as usual.
            logger.LogWarning(e, "A reminder could not be sent; the next one comes as usual");
        }

        return false;
    }

    /// <summary>
    /// Moves a due subscription on to its next due time and returns the card to send now, or null. A due time missed
    /// while the bot was down, or a snooze that ran past the end of the hours, may now be outside the chosen hours:
    /// never send then, only reschedule.
    /// </summary>
    public static IMessageActivity? Advance(ReminderSubscription subscription, DateTimeOffset now, BackCareReplies replies)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(replies);
        IMessageActivity? card = null;
        if (ReminderSchedule.IsWithinHours(subscription, now))
        {
            card = replies.Reminder(subscription.ChannelId, subscription.SentCount, subscription.AllowedTags);
            subscription.SentCount++;
        }

        subscription.SnoozedUntilUtc = null;
        subscription.NextDueUtc = ReminderSchedule.NextDue(subscription, now);
        return card;
    }
}
