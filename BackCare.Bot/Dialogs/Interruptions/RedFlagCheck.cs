using BackCare.Bot.Routing;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>
/// The safety net: a red flag anywhere in typed text wins over everything the message also answers, wherever
/// the conversation is ("no, though both my legs went numb this morning" at a yes/no question is an emergency,
/// not a "no"). Only the rule layer runs here, so a plain "yes" costs next to nothing.
/// </summary>
public sealed class RedFlagCheck(MessageRouter router, ConversationMoves moves) : IInterruption
{
    public async Task<InterruptionResult> TryHandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        if (!context.HasText)
        {
            return InterruptionResult.Pass;
        }

        var route = context.KeywordRoute(router);
        if (route.Intent != RoutingIds.Urgent)
        {
            return InterruptionResult.Pass;
        }

        await ConversationMoves.TraceAsync(context.Turn, route, "urgent", cancellationToken).ConfigureAwait(false);
        return InterruptionResult.Handled(await moves.UrgentAsync(context.Dialogs, context.Conversation, cancellationToken).ConfigureAwait(false));
    }
}
