using BackCare.Bot.CardRendering;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Reminders;

/// <summary>
/// Wakes every minute (on the injected clock, so tests use a fake one) and sends the movement-break card to
/// every subscription that is due, then schedules its next reminder inside the user's hours and days.
/// Everything it needs is in storage, so a restarted bot carries on where the last one stopped.
/// </summary>
public sealed class ReminderScheduler(
    ReminderStore store,
    IProactiveSender sender,
    BackCareReplies replies,
    TimeProvider time,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    /// <summary>Sends every due reminder once; returns how many were sent. The timer loop calls this; tests call it directly.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var key in await store.ListKeysAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (await SendIfDueAsync(key, now, cancellationToken).ConfigureAwait(false))
                {
                    sent++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One user's failure (a removed conversation, a storage conflict) must not stop the others' reminders.
                logger.LogWarning(e, "Could not send the reminder {Key}", key);
            }
        }

        return sent;
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

    private async Task<bool> SendIfDueAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (subscription is null || subscription.NextDueUtc > now)
        {
            return false;
        }

        // A due time missed while the bot was down, or a snooze that ran past the end of the hours, may now be
        // outside the chosen hours: never send then, only reschedule.
        var send = ReminderSchedule.IsWithinHours(subscription, now);
        if (send)
        {
            var card = replies.Reminder(subscription.ChannelId, subscription.SentCount);
            await sender.ContinueConversationAsync(
                subscription.Reference,
                (turnContext, ct) => turnContext.SendActivityAsync(card, ct),
                cancellationToken).ConfigureAwait(false);
            subscription.SentCount++;
        }

        subscription.SnoozedUntilUtc = null;
        subscription.NextDueUtc = ReminderSchedule.NextDue(subscription, now);
        await store.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
        return send;
    }
}
