using BackCare.Bot.Bots;
using BackCare.Bot.CardRendering;
using BackCare.Bot.Hosting;
using BackCare.Bot.Storage;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Reminders;

/// <summary>
/// Wakes every <see cref="BackCareOptions.ReminderTickSeconds"/> (a minute by default, on the injected clock, so
/// tests use a fake one) and sends the movement-break card to every subscription that is due, then schedules
/// its next reminder inside the user's hours and days.
/// Everything it needs is in storage, so a restarted bot carries on where the last one stopped.
/// </summary>
public sealed class ReminderScheduler(
    ReminderStore store,
    IProactiveSender sender,
    BackCareReplies replies,
    LocalHelpOnSend localHelp,
    TimeProvider time,
    IOptions<BackCareOptions> options,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    /// <summary>How often the timer loop looks for due reminders.</summary>
    public TimeSpan Tick { get; } = TimeSpan.FromSeconds(options.Value.ReminderTickSeconds);

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
            catch (Exception e) when (ETagConflictException.IsETagConflict(e))
            {
                // Another instance claimed this reminder first, or the user changed it meanwhile: the newer version stands.
                // No key or message in the log: both name the user.
                logger.LogInformation("A reminder changed meanwhile and was left as it now is");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One user's failure (a removed conversation, storage trouble) must not stop the others' reminders.
                logger.LogWarning("Could not send a reminder ({Error})", e.GetType().Name);
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
        IMessageActivity? card = null;
        if (ReminderSchedule.IsWithinHours(subscription, now))
        {
            card = replies.Reminder(subscription.ChannelId, subscription.SentCount, subscription.AllowedTags);
            subscription.SentCount++;
        }

        subscription.SnoozedUntilUtc = null;
        subscription.NextDueUtc = ReminderSchedule.NextDue(subscription, now);

        // Claim this reminder before sending it, with the ETag just read: another instance that read the same
        // version fails here instead of sending it twice, and a Stop clicked while the card is on its way is not
        // undone by a save arriving after it. A Stop that came between the read and the claim ends it here too.
        // A send that then fails is logged, and the next reminder comes as usual.
        if (!await store.ClaimAsync(subscription, cancellationToken).ConfigureAwait(false) || card is null)
        {
            return false;
        }

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
}
