using System.Globalization;
using BackCare.Bot.CardRendering;
using BackCare.Bot.Dialogs;
using BackCare.Bot.Recognition;
using BackCare.Bot.State;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Reminders;

/// <summary>The reminder side of a turn: opting in, stopping, and the Done / Snooze / Stop buttons of the reminder card.</summary>
public sealed class ReminderConversation(ReminderStore store, BackCareReplies replies, CardMessenger messenger, BackCareState state, TimeProvider time, ILogger<ReminderConversation> logger)
{
    public const string ActionDone = "reminder-done";
    public const string ActionSnooze = "reminder-snooze";
    public const string ActionStop = "reminder-stop";

    public static readonly TimeSpan SnoozeTime = TimeSpan.FromMinutes(15);

    /// <summary>Handles a typed reminder message; false when the text is not about reminders.</summary>
    public async Task<bool> TryHandleTextAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var command = ReminderCommands.Parse(text, UserClock.Now(time, activity).DateTime);
        var messages = replies.Messages;
        switch (command.Kind)
        {
            case ReminderCommandKind.None:
                return false;
            case ReminderCommandKind.Stop:
                await StopAsync(turnContext, cancellationToken).ConfigureAwait(false);
                return true;
            case ReminderCommandKind.NotUnderstood:
                await turnContext.SendActivityAsync(replies.Text(messages.ReminderNotUnderstood), cancellationToken).ConfigureAwait(false);
                return true;
            case ReminderCommandKind.IntervalOutOfRange:
                await turnContext.SendActivityAsync(replies.Text(messages.ReminderIntervalOutOfRange), cancellationToken).ConfigureAwait(false);
                return true;
            case ReminderCommandKind.HoursNotUnderstood:
                await turnContext.SendActivityAsync(replies.Text(messages.ReminderHoursNotUnderstood), cancellationToken).ConfigureAwait(false);
                return true;
        }

        var request = command.Request!;
        var subscription = await store.GetAsync(ReminderStore.KeyFor(activity.ChannelId, activity.From.Id), cancellationToken).ConfigureAwait(false)
            ?? new ReminderSubscription();
        subscription.UserId = activity.From.Id;
        subscription.ChannelId = activity.ChannelId;
        subscription.Reference = activity.GetConversationReference();
        subscription.IntervalMinutes = request.IntervalMinutes;
        subscription.Start = request.Start;
        subscription.End = request.End;
        subscription.Days = [.. request.Days];
        subscription.TimeZoneId = ReminderSchedule.FindZone(activity.LocalTimezone) is not null ? activity.LocalTimezone : null;
        subscription.UtcOffset = activity.LocalTimestamp?.Offset ?? TimeSpan.Zero;
        subscription.SnoozedUntilUtc = null;
        subscription.NextDueUtc = ReminderSchedule.NextDue(subscription, time.GetUtcNow());
        var profile = await state.GetProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
        subscription.AllowedTags = ScreeningAdvice.AllowedTags(replies.Knowledge, profile.Screening);
        await store.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);

        var days = request.Days.Count == 7 ? messages.ReminderEveryDay : messages.ReminderWeekdays;
        await turnContext.SendActivityAsync(
            replies.Format(messages.ReminderConfirm, request.IntervalMinutes, Clock(request.Start), Clock(request.End), days),
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Handles a reminder card button; false for any other submit. In Teams the answer replaces the card itself (the
    /// submit's replyToId is the card's message), so the buttons cannot be pressed twice; elsewhere it is a message.
    /// </summary>
    public async Task<bool> TryHandleButtonAsync(ITurnContext turnContext, string? action, CancellationToken cancellationToken)
    {
        var messages = replies.Messages;
        string answer;
        switch (action)
        {
            case ActionDone:
                answer = messages.ReminderDoneReply;
                break;
            case ActionStop:
                answer = await StopRemindersAsync(turnContext, cancellationToken).ConfigureAwait(false) ? messages.RemindersStopped : messages.RemindersNone;
                break;
            case ActionSnooze:
                var activity = turnContext.Activity;
                var subscription = await store.GetAsync(ReminderStore.KeyFor(activity.ChannelId, activity.From.Id), cancellationToken).ConfigureAwait(false);
                if (subscription is null)
                {
                    answer = messages.RemindersNone;
                    break;
                }

                subscription.SnoozedUntilUtc = time.GetUtcNow() + SnoozeTime;
                subscription.NextDueUtc = subscription.SnoozedUntilUtc.Value;
                await store.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
                answer = messages.ReminderSnoozed;
                break;
            default:
                return false;
        }

        if (!await messenger.TryUpdateAsync(turnContext, turnContext.Activity.ReplyToId, replies.ClosedReminder(answer), cancellationToken).ConfigureAwait(false))
        {
            await turnContext.SendActivityAsync(replies.Text(answer), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>"forget me": the subscription (with its conversation reference) is deleted outright; true if reminders were on.</summary>
    public Task<bool> ForgetAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        store.DeleteAsync(turnContext.Activity.ChannelId, turnContext.Activity.From.Id, cancellationToken);

    /// <summary>"stop reminders", the Stop button, an emergency answer: the reminders end; true if they were on.</summary>
    private Task<bool> StopRemindersAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        store.StopAsync(turnContext.Activity.ChannelId, turnContext.Activity.From.Id, cancellationToken);

    /// <summary>
    /// After an emergency answer, prompts to get up and stretch are the wrong thing to send: the reminders end, and the
    /// user is told so if there were any.
    /// </summary>
    public async Task StopForEmergencyAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        bool stopped;
        try
        {
            stopped = await StopRemindersAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The emergency answer was given and must be remembered: a storage failure here must not fail the turn
            // (which would lose its state). The reminders stay on; the user can still say "stop reminders".
            logger.LogError(exception, "Could not switch off a user's reminders after an emergency answer.");
            return;
        }

        if (stopped)
        {
            await turnContext.SendActivityAsync(replies.Text(replies.Messages.RemindersStoppedForEmergency), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After a screening, the reminders (if any) follow its answers: a movement the user was advised against is no
    /// longer suggested, and one now allowed may be. Best effort, like <see cref="StopForEmergencyAsync"/>.
    /// </summary>
    public async Task FollowScreeningAsync(ITurnContext turnContext, ScreeningRecord record, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        try
        {
            if (await store.GetAsync(ReminderStore.KeyFor(activity.ChannelId, activity.From.Id), cancellationToken).ConfigureAwait(false) is { Stopped: false } subscription)
            {
                subscription.AllowedTags = ScreeningAdvice.AllowedTags(replies.Knowledge, record);
                await store.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The screening's outcome must still be saved; the reminders keep their earlier, stricter or equal, tags.
            logger.LogError(exception, "Could not update a user's reminders after a screening.");
        }
    }

    private async Task StopAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var existed = await StopRemindersAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var text = existed ? replies.Messages.RemindersStopped : replies.Messages.RemindersNone;
        await turnContext.SendActivityAsync(replies.Text(text), cancellationToken).ConfigureAwait(false);
    }

    private static string Clock(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
