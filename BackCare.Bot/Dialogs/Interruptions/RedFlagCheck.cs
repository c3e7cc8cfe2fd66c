using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using BackCare.Bot.Routing;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>
/// The safety net: a red flag anywhere in typed text wins over everything the message also answers, wherever
/// the conversation is ("no, though both my legs went numb this morning" at a yes/no question is an emergency,
/// not a "no"). Partial evidence (a fall of unknown size) gets one clear yes/no safety question instead of a guess
/// either way; <see cref="SafetyQuestionAnswer"/> reads the reply. A sign to see someone about today or soon,
/// typed while a question or a step waits, gets its own time frame and ends what was under way. The rules read every message; the semantic
/// layer's emergency examples only answers of <see cref="SemanticCheckMinWords"/> words or more, so a plain "yes"
/// costs next to nothing.
/// </summary>
public sealed class RedFlagCheck(MessageRouter router, ConversationMoves moves) : IInterruption
{
    /// <summary>A message long enough to say more than "yes", "next" or "about 3 days".</summary>
    public const int SemanticCheckMinWords = 4;

    public async Task<InterruptionResult> TryHandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        if (!context.HasText)
        {
            return InterruptionResult.Pass;
        }

        var route = context.KeywordRoute(router);
        if (route.Intent != RoutingIds.Urgent && route.Layer != RoutingLayer.Safety && IsMoreThanABareAnswer(context.RawText)
            && (context.Leaf.ActiveDialog is not null || router.NeedsSemantic(route)))
        {
            // Words the rules do not know ("no, though I keep peeing myself") can still read like an emergency example.
            // Checked here while a question or card waits, since its answer would otherwise never reach the router;
            // elsewhere only where the router reads the message anyway (the reading is kept for it), so a sure
            // keyword answer costs no model run.
            var matches = await context.SemanticMatchesAsync(router, cancellationToken).ConfigureAwait(false);
            if (router.ReadsAsEmergency(route, matches))
            {
                route = router.Combine(route, matches);
            }
        }

        if (route.Intent == RoutingIds.SeeDoctor && route.Layer == RoutingLayer.Safety && route.Decision == RoutingDecision.Answer && context.Leaf.ActiveDialog is not null)
        {
            // A sign to see someone about today or soon ("no, but I've had a fever since Tuesday"), typed while a question
            // or a step waits: its own time frame, not a "no" to the question or a "this hurts"; what was under way ends.
            await ConversationMoves.TraceAsync(context.Turn, route, "answer", cancellationToken).ConfigureAwait(false);
            await context.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return InterruptionResult.Handled(await moves.RespondToRouteAsync(context.Dialogs, context.Conversation, route, cancellationToken).ConfigureAwait(false));
        }

        if (route.Intent != RoutingIds.Urgent)
        {
            return InterruptionResult.Pass;
        }

        if (route.Decision == RoutingDecision.Clarify)
        {
            context.Conversation.PendingSafetyQuestion = context.RawText;
            await ConversationMoves.TraceAsync(context.Turn, route, "clarify", cancellationToken).ConfigureAwait(false);
            var choices = ChoiceFactory.ToChoices([moves.Messages.SafetyYes, moves.Messages.SafetyNo]);
            await context.Turn.SendActivityAsync(ChoiceFactory.ForChannel(context.Turn.Activity.ChannelId, choices, moves.Messages.FallQuestion), cancellationToken).ConfigureAwait(false);
            return InterruptionResult.Handled(context.Dialogs.ActiveDialog is null ? ConversationMoves.Done : Dialog.EndOfTurn);
        }

        await ConversationMoves.TraceAsync(context.Turn, route, "urgent", cancellationToken).ConfigureAwait(false);
        return InterruptionResult.Handled(await moves.RespondToRouteAsync(context.Dialogs, context.Conversation, route, cancellationToken).ConfigureAwait(false));
    }

    private static bool IsMoreThanABareAnswer(string text) =>
        text.Split((char[])[' ', ',', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries).Length >= SemanticCheckMinWords;
}
