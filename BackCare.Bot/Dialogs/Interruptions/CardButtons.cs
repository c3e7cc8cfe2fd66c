using BackCare.Bot.CardRendering;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using BackCare.Bot.Reminders;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>
/// Card buttons that work whatever the user is doing (a tip's "Tell me more", an answer's "more", a reminder's
/// Done / Snooze / Stop, a "did you mean" pick), and buttons of cards no longer in play ("This hurts" on an old
/// step card is still taken seriously). Buttons of the waiting card are left to it.
/// </summary>
public sealed class CardButtons(ReminderConversation reminders, ConversationMoves moves) : IInterruption
{
    public async Task<InterruptionResult> TryHandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        if (context.Submit is not { } submit)
        {
            return InterruptionResult.Pass;
        }

        var dc = context.Dialogs;
        var turn = context.Turn;
        var action = SubmitData.StringOf(submit, "action");
        var id = SubmitData.StringOf(submit, "id");
        switch (action)
        {
            case "tip" when id is not null && moves.Replies.Knowledge.FindTip(id) is { } tip:
                await turn.SendActivityAsync(moves.Replies.TipDetail(tip), cancellationToken).ConfigureAwait(false);
                return InterruptionResult.Handled(await moves.ReturnToWhereWeWereAsync(dc, cancellationToken).ConfigureAwait(false));
            case "more" when id is not null && moves.Replies.Knowledge.FindAnswer(id) is { } answer:
                await turn.SendActivityAsync(moves.Replies.Text(answer.More ?? answer.Text), cancellationToken).ConfigureAwait(false);
                return InterruptionResult.Handled(await moves.ReturnToWhereWeWereAsync(dc, cancellationToken).ConfigureAwait(false));
            case ReminderConversation.ActionDone or ReminderConversation.ActionSnooze or ReminderConversation.ActionStop:
                await reminders.TryHandleButtonAsync(turn, action, cancellationToken).ConfigureAwait(false);
                return InterruptionResult.Handled(await moves.ReturnToWhereWeWereAsync(dc, cancellationToken).ConfigureAwait(false));
        }

        if (context.PendingClarification.Count > 0
            && SubmitData.StringOf(submit, ChoiceFactory.SubmitChoiceKey) is { } choice
            && WaitingDialogAnswer.PickFromClarification(moves, choice, context.PendingClarification) is { } picked)
        {
            return InterruptionResult.Handled(await moves.RespondToIntentAsync(dc, context.Conversation, picked, cancellationToken).ConfigureAwait(false));
        }

        var leaf = context.Leaf;
        var stepAction = WalkthroughDialog.SubmittedAction(turn.Activity);
        if (leaf.ActiveDialog is not null && (stepAction is null || leaf.ActiveDialog.Id == WalkthroughDialog.DialogId))
        {
            return InterruptionResult.LeaveToDialog;
        }

        // A button from a card that is no longer in play.
        var hurts = stepAction == BackCareReplies.ActionHurts;
        await turn.SendActivityAsync(moves.Replies.Text(hurts ? moves.Messages.HurtsStop : moves.Messages.StaleCard), cancellationToken).ConfigureAwait(false);
        if (dc.ActiveDialog is null)
        {
            return InterruptionResult.Handled(ConversationMoves.Done);
        }

        await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return InterruptionResult.Handled(Dialog.EndOfTurn);
    }
}
