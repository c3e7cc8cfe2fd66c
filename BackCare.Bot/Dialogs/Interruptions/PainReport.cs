using BackCare.Bot.CardRendering;
using BackCare.Bot.Routing;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>
/// Pain typed during a technique, at the picker or just after a walkthrough ("argh, that's really sore now", "it
/// hurts more") is the "This hurts" button in the user's own words: stop at once and say what to do. The step
/// card's own commands ("this hurts", "next") stay with the walkthrough.
/// </summary>
public sealed class PainReport(MessageRouter router, BackCareReplies replies) : IInterruption
{
    public async Task<InterruptionResult> TryHandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var dc = context.Dialogs;
        if (!context.HasText || !TechniqueDialog.IsInTechnique(dc) || !router.Keywords.IsPainReport(context.RawText))
        {
            return InterruptionResult.Pass;
        }

        // "this hurts" and "Worse" are the card's and the feedback question's own answers: they keep their replies.
        if (WaitingDialogAnswer.IsExactly(context.Leaf, context.Turn.Activity))
        {
            return InterruptionResult.LeaveToDialog;
        }

        await context.Turn.SendActivityAsync(replies.Text(replies.Messages.HurtsStop), cancellationToken).ConfigureAwait(false);
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return InterruptionResult.Handled(ConversationMoves.Done);
    }
}
