using BackCare.Bot.Reminders;
using BackCare.Bot.State;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>
/// What must work in every state, an emergency answer included: "forget me", re-screening ("I answered by
/// mistake", typed or the urgent card's button) and "stop reminders".
/// </summary>
public sealed class PrivacyAndSafetyCommands(StoredDataEraser eraser, ReminderConversation reminders, ConversationMoves moves, TimeProvider time) : IInterruption
{
    private static readonly HashSet<string> ForgetCommands = new(StringComparer.Ordinal) { "forget me", "delete my data", "forget my data", "forget everything", "delete everything" };
    private static readonly HashSet<string> RescreenCommands = new(StringComparer.Ordinal) { "check my answers again", "check again", "rescreen", "re screen", "redo the safety check", "redo screening", "redo the questions", "i answered by mistake", "answered by mistake", "that was a mistake" };

    public async Task<InterruptionResult> TryHandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var dc = context.Dialogs;
        if (ForgetCommands.Contains(context.Text))
        {
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            await eraser.EraseAsync(context.Turn, cancellationToken).ConfigureAwait(false);
            await context.Turn.SendActivityAsync(moves.Replies.Text(moves.Messages.ForgetMeDone), cancellationToken).ConfigureAwait(false);
            return InterruptionResult.Handled(ConversationMoves.Done);
        }

        if (RescreenCommands.Contains(context.Text) || (context.Submit is { } submit && SubmitData.StringOf(submit, "action") == "rescreen"))
        {
            return InterruptionResult.Handled(await moves.RescreenAsync(dc, cancellationToken).ConfigureAwait(false));
        }

        if (context.HasText
            && ReminderCommands.Parse(context.RawText, time.GetUtcNow().UtcDateTime).Kind == ReminderCommandKind.Stop
            && await reminders.TryHandleTextAsync(context.Turn, context.RawText, cancellationToken).ConfigureAwait(false))
        {
            return InterruptionResult.Handled(await moves.ReturnToWhereWeWereAsync(dc, cancellationToken).ConfigureAwait(false));
        }

        return InterruptionResult.Pass;
    }
}
