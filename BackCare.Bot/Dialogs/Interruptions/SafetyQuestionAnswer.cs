using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using BackCare.Bot.Routing;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>
/// The reply to the safety question <see cref="RedFlagCheck"/> asked about a fall of unknown size. "Yes" (a hard
/// fall, severe pain) is an emergency; "no" is thanked with what to watch for, and the original message is then
/// answered as if the question had never been needed. Anything else is taken as no answer: the watch-for advice is
/// given, and the new message goes on to the other checks, so nobody is stuck on the question.
/// </summary>
public sealed class SafetyQuestionAnswer(MessageRouter router, ConversationMoves moves) : IInterruption
{
    public async Task<InterruptionResult> TryHandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        if (context.Conversation.PendingSafetyQuestion is not { } original)
        {
            return InterruptionResult.Pass;
        }

        context.Conversation.PendingSafetyQuestion = null;
        var dc = context.Dialogs;
        var answer = context.Submit is { } submit ? SubmitData.StringOf(submit, ChoiceFactory.SubmitChoiceKey) : context.RawText;
        var yes = answer is null ? null : Recognize(answer);
        if (yes == true)
        {
            return InterruptionResult.Handled(await moves.UrgentAsync(dc, context.Conversation, cancellationToken).ConfigureAwait(false));
        }

        if (yes is null)
        {
            await context.Turn.SendActivityAsync(moves.Replies.Text(moves.Messages.FallUnclear), cancellationToken).ConfigureAwait(false);
            return InterruptionResult.Pass;
        }

        await context.Turn.SendActivityAsync(moves.Replies.Text(moves.Messages.FallReassured), cancellationToken).ConfigureAwait(false);
        var route = await router.RouteWithoutAskingAsync(original, cancellationToken).ConfigureAwait(false);
        if (route.Decision == RoutingDecision.Answer)
        {
            await ConversationMoves.TraceAsync(context.Turn, route, moves.DecisionFor(route), cancellationToken).ConfigureAwait(false);
            return InterruptionResult.Handled(await moves.RespondToRouteAsync(dc, context.Conversation, route, cancellationToken).ConfigureAwait(false));
        }

        if (dc.ActiveDialog is null)
        {
            // Nothing was under way and the message asked nothing the bot can answer: show what it can do.
            return InterruptionResult.Handled(await dc.BeginDialogAsync(MainDialog.MenuId, null, cancellationToken).ConfigureAwait(false));
        }

        await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return InterruptionResult.Handled(Dialog.EndOfTurn);
    }

    private bool? Recognize(string answer)
    {
        if (string.Equals(answer.Trim(), moves.Messages.SafetyYes, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(answer.Trim(), moves.Messages.SafetyNo, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return ConfirmPrompt.RecognizeYesNo(answer);
    }
}
