using BackCare.Bot.Reminders;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>"menu", "remind me to move…", "cancel" and "tell me more", typed anywhere.</summary>
public sealed class TypedCommands(ReminderConversation reminders, ConversationMoves moves) : IInterruption
{
    public async Task<InterruptionResult> TryHandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var dc = context.Dialogs;
        if (CommandSets.Menu.Contains(context.Text))
        {
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return InterruptionResult.Handled(await dc.BeginDialogAsync(MainDialog.MenuId, null, cancellationToken).ConfigureAwait(false));
        }

        // Taken before the router could read "move" in "remind me to move" as a technique.
        if (context.HasText
            && await reminders.TryHandleTextAsync(context.Turn, context.RawText, cancellationToken).ConfigureAwait(false))
        {
            return InterruptionResult.Handled(await moves.ReturnToWhereWeWereAsync(dc, cancellationToken).ConfigureAwait(false));
        }

        // "stop" during a walkthrough is its own Stop button; "cancel" ends everything anywhere.
        var walkthroughStop = TechniqueDialog.IsWalkingThrough(dc) && WalkthroughDialog.ParseCommand(context.Text) is not null;
        if (CommandSets.Cancel.Contains(context.Text) && !walkthroughStop)
        {
            await context.Turn.SendActivityAsync(moves.Replies.Text(moves.Messages.Cancelled), cancellationToken).ConfigureAwait(false);
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return InterruptionResult.Handled(ConversationMoves.Done);
        }

        if (CommandSets.More.Contains(context.Text) && context.Conversation.LastAnswerId is { } lastId && moves.Replies.Knowledge.FindAnswer(lastId) is { More: { } more })
        {
            await context.Turn.SendActivityAsync(moves.Replies.Text(more), cancellationToken).ConfigureAwait(false);
            return InterruptionResult.Handled(await moves.ReturnToWhereWeWereAsync(dc, cancellationToken).ConfigureAwait(false));
        }

        return InterruptionResult.Pass;
    }
}
