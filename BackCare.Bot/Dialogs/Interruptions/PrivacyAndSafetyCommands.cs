using BackCare.Bot.Privacy;
using BackCare.Bot.Reminders;
using BackCare.Bot.State;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>
/// What must work in every state, an emergency answer included: "forget me", re-screening ("I answered by
/// mistake", typed or the urgent card's button), "stop reminders" and "what do you know about me?".
/// </summary>
public sealed class PrivacyAndSafetyCommands(StoredDataEraser eraser, ConversationMoves moves, TimeProvider time, StoredDataReport report, ReminderConversation reminders) : IInterruption
{
    private static readonly HashSet<string> ForgetCommands = new(StringComparer.Ordinal) { "forget me", "delete my data", "forget my data", "forget everything", "delete everything" };
    private static readonly HashSet<string> WhatIsStoredCommands = new(StringComparer.Ordinal)
    {
        "what do you know about me", "what do you know of me", "what data do you have on me", "what data do you have about me",
        "what do you store about me", "what do you keep about me", "what have you stored about me", "what have you got on me",
        "what data do you keep", "what data do you store", "what do you remember about me", "show my data", "my data",
    };

    private static readonly HashSet<string> RescreenCommands = new(StringComparer.Ordinal) { "check my answers again", "check again", "rescreen", "re screen", "redo the safety check", "redo screening", "redo the questions", "i answered by mistake", "answered by mistake", "that was a mistake" };

    public async Task<InterruptionResult> TryHandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var dc = context.Dialogs;
        if (ForgetCommands.Contains(context.Text))
        {
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            await eraser.EraseAsync(context.Turn, cancellationToken).ConfigureAwait(false);
            var done = eraser.TranscriptsKept ? moves.Messages.ForgetMeDoneWithTranscript : moves.Messages.ForgetMeDone;
            await context.Turn.SendActivityAsync(moves.Replies.Text(done), cancellationToken).ConfigureAwait(false);
            return InterruptionResult.Handled(ConversationMoves.Done);
        }

        // Answered wherever the user is, and never taken as the answer to a waiting question.
        if (WhatIsStoredCommands.Contains(context.Text))
        {
            var text = await report.DescribeAsync(context.Turn, context.Conversation, cancellationToken).ConfigureAwait(false);
            await context.Turn.SendActivityAsync(moves.Replies.Text(text), cancellationToken).ConfigureAwait(false);
            return InterruptionResult.Handled(await moves.ReturnToWhereWeWereAsync(dc, cancellationToken).ConfigureAwait(false));
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
