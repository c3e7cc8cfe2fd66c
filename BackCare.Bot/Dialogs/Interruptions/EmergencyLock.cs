namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>
/// After an emergency answer nothing else is offered until the user re-screens or deletes their data: every
/// request and every old button gets the urgent advice again, in short, with "I answered by mistake" (never
/// "start again"). Only the answers of a re-screening in progress get past it.
/// </summary>
public sealed class EmergencyLock(ConversationMoves moves) : IInterruption
{
    public async Task<InterruptionResult> TryHandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var dc = context.Dialogs;
        var rescreening = dc.ActiveDialog?.Id == TechniqueDialog.DialogId && !CommandSets.Menu.Contains(context.Text);
        if (!context.Conversation.EmergencyReported || rescreening)
        {
            return InterruptionResult.Pass;
        }

        // The advice first: ending the dialogs may update a card, which can wait on Teams.
        await context.Turn.SendActivityAsync(moves.Replies.UrgentReminder(context.Turn), cancellationToken).ConfigureAwait(false);
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return InterruptionResult.Handled(ConversationMoves.Done);
    }
}
