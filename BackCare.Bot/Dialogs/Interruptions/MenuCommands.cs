using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>
/// The command menu's "Try a technique", "Ask a question" and "Prevention tips", typed (or picked from the Teams
/// command menu) anywhere, not only while the menu question waits. Nothing under way is lost: mid-screening "Try a
/// technique" asks the same question again (not a wrong answer, not a restart), tips and a question are asides the
/// user comes back from. At the root, or at the menu or question prompt, they do what the menu buttons do.
/// </summary>
public sealed class MenuCommands(ConversationMoves moves) : IInterruption
{
    public async Task<InterruptionResult> TryHandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        if (!context.HasText)
        {
            return InterruptionResult.Pass;
        }

        var messages = moves.Messages;
        if (Is(context, messages.MenuTechniques))
        {
            return InterruptionResult.Handled(await TechniqueAsync(context, cancellationToken).ConfigureAwait(false));
        }

        if (Is(context, messages.MenuQuestion))
        {
            return InterruptionResult.Handled(await QuestionAsync(context, cancellationToken).ConfigureAwait(false));
        }

        if (Is(context, messages.MenuTips))
        {
            return InterruptionResult.Handled(await TipsAsync(context, cancellationToken).ConfigureAwait(false));
        }

        return InterruptionResult.Pass;
    }

    private static bool Is(InterruptionContext context, string title) => context.Text == ChoiceRecognizer.Normalize(title);

    /// <summary>Nothing under way, or only the menu's own questions, which these commands answer.</summary>
    private static bool AtRoot(DialogContext dc) => dc.ActiveDialog?.Id is null or MainDialog.MenuPromptId or MainDialog.QuestionPromptId;

    private async Task<DialogTurnResult> TechniqueAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var dc = context.Dialogs;
        var underway = IsScreening(dc) ? moves.Messages.ScreeningUnderway : TechniqueDialog.IsWalkingThrough(dc) ? moves.Messages.TechniqueUnderway : null;
        if (underway is not null || TechniqueDialog.IsChoosing(dc))
        {
            // Already on the way to a technique: carry on from there, so the command never counts as a wrong answer.
            if (underway is not null)
            {
                await context.Turn.SendActivityAsync(moves.Replies.Text(underway), cancellationToken).ConfigureAwait(false);
            }

            await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return Dialog.EndOfTurn;
        }

        // At the root, the menu, or the "how did it go?" question after a walkthrough: a (new) technique.
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return await dc.BeginDialogAsync(TechniqueDialog.DialogId, new TechniqueRequest(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> QuestionAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var dc = context.Dialogs;
        if (AtRoot(dc))
        {
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return await dc.BeginDialogAsync(MainDialog.QuestionId, null, cancellationToken).ConfigureAwait(false);
        }

        // Mid-flow the dialog stays as it is; the next message is read as the question (InvitedQuestion).
        context.Conversation.QuestionInvited = true;
        await context.Turn.SendActivityAsync(moves.Replies.Text(moves.Messages.AskQuestionMidFlow), cancellationToken).ConfigureAwait(false);
        return Dialog.EndOfTurn;
    }

    private async Task<DialogTurnResult> TipsAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var dc = context.Dialogs;
        await context.Turn.SendActivityAsync(moves.Replies.Tips(context.Turn), cancellationToken).ConfigureAwait(false);
        if (AtRoot(dc))
        {
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return ConversationMoves.Done;
        }

        return await moves.ReturnToWhereWeWereAsync(dc, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the safety questions are under way, at any depth of the stack's active path.</summary>
    private static bool IsScreening(DialogContext dc)
    {
        for (var current = dc; current?.ActiveDialog is { } active; current = current.Child)
        {
            if (active.Id == ScreeningDialog.DialogId)
            {
                return true;
            }
        }

        return false;
    }
}
