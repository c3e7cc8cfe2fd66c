using BackCare.Bot.DialogEngine;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>
/// The message after a mid-flow "Ask a question" is read as the question it was invited to be, before the waiting
/// question can take a word of it as its answer ("is it better to…" is not "Better"). The router answers it and the
/// user is taken back; one it cannot answer is said so, and the waiting question is asked again without counting a
/// wrong answer. The waiting question's exact answers ("no", "next", "Worse") and text for a typed-answer question
/// (how long the pain has lasted) still go to it: the user answered after all.
/// </summary>
public sealed class InvitedQuestion(RoutedMessage routed, ConversationMoves moves) : IInterruption
{
    public async Task<InterruptionResult> TryHandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        if (!context.QuestionInvited || !context.HasText)
        {
            return InterruptionResult.Pass;
        }

        var leaf = context.Leaf;
        var activity = context.Turn.Activity;
        if (WaitingDialogAnswer.IsExactly(leaf, activity) || IsBareYesOrNo(leaf, context.Text))
        {
            return InterruptionResult.Pass;
        }

        var result = await routed.TryHandleAsync(context, cancellationToken).ConfigureAwait(false);
        if (result.Turn is not null || leaf.FindDialog(leaf.ActiveDialog?.Id ?? string.Empty) is TextPrompt)
        {
            return result;
        }

        await context.Turn.SendActivityAsync(moves.Replies.Text(moves.Messages.Fallback), cancellationToken).ConfigureAwait(false);
        return InterruptionResult.Handled(await moves.ReturnToWhereWeWereAsync(context.Dialogs, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>"no", "yes please": an answer to a waiting yes/no question, not a question.</summary>
    private static bool IsBareYesOrNo(DialogContext leaf, string text) =>
        leaf.FindDialog(leaf.ActiveDialog?.Id ?? string.Empty) is ConfirmPrompt
        && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2
        && ConfirmPrompt.RecognizeYesNo(text) is not null;
}
