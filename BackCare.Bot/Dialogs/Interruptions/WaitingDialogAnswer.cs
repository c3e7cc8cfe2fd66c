using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>
/// Answers the waiting question or card understands as its own ("yes", "next", "Better", a "did you mean" pick)
/// go to it rather than to the router. Runs after the safety checks, so a red flag inside a "no" is never lost.
/// </summary>
public sealed class WaitingDialogAnswer(ConversationMoves moves) : IInterruption
{
    public async Task<InterruptionResult> TryHandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        if (!context.HasText)
        {
            return InterruptionResult.Pass;
        }

        if (context.PendingClarification.Count > 0 && PickFromClarification(moves, context.RawText, context.PendingClarification) is { } picked)
        {
            return InterruptionResult.Handled(await moves.RespondToIntentAsync(context.Dialogs, context.Conversation, picked, cancellationToken).ConfigureAwait(false));
        }

        return Understands(context.Leaf, context.Turn.Activity) ? InterruptionResult.LeaveToDialog : InterruptionResult.Pass;
    }

    /// <summary>Whether the waiting question or card takes the message as its answer.</summary>
    public static bool Understands(DialogContext leaf, Activity activity)
    {
        var instance = leaf.ActiveDialog;
        return leaf.FindDialog(instance?.Id ?? string.Empty) switch
        {
            WalkthroughDialog => WalkthroughDialog.IsCommand(activity),
            ConfirmPrompt => ConfirmPrompt.RecognizeYesNo(activity.Text) is not null,
            ChoicePrompt => ChoiceRecognizer.Recognize(activity.Text, PromptOptions.SavedIn(instance!).Choices ?? []) is not null,
            _ => false,
        };
    }

    /// <summary>
    /// Whether the message is exactly one of the waiting question's or card's own answers ("Worse", "this hurts"),
    /// not merely one that contains a choice's word ("better, but now it aches somewhere new").
    /// </summary>
    public static bool IsExactly(DialogContext leaf, Activity activity)
    {
        var instance = leaf.ActiveDialog;
        var text = ChoiceRecognizer.Normalize(activity.Text ?? string.Empty);
        return leaf.FindDialog(instance?.Id ?? string.Empty) switch
        {
            WalkthroughDialog => WalkthroughDialog.ParseCommand(text) is not null,
            ChoicePrompt => (PromptOptions.SavedIn(instance!).Choices ?? [])
                .Any(c => ChoiceRecognizer.Normalize(c.Value) == text || (c.Synonyms ?? []).Any(s => ChoiceRecognizer.Normalize(s) == text)),
            _ => false,
        };
    }

    /// <summary>Which offered routing id a typed or clicked "did you mean" answer picks, if any.</summary>
    public static string? PickFromClarification(ConversationMoves moves, string answer, List<string> pending)
    {
        var choices = pending.Select(intent => new Choice(moves.Replies.TitleOf(intent))).ToList();
        var found = ChoiceRecognizer.Recognize(answer, choices);
        return found is null ? null : pending[found.Index];
    }
}
