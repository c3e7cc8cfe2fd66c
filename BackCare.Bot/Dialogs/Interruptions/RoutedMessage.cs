using System.Globalization;
using BackCare.Bot.Content;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using BackCare.Bot.Routing;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>
/// Last: the router reads what nothing before took. A clear answer is given (mid-dialog too, then back to where
/// the user was); an unsure one gets "did you mean"; a technique starts the screening. A weak or tied technique
/// match never drops a walkthrough in progress. Out of scope: the waiting dialog re-asks, or at the root the
/// main dialog gives the fallback.
/// </summary>
public sealed class RoutedMessage(MessageRouter router, ConversationMoves moves) : IInterruption
{
    /// <summary>Below this score a technique match mid-walkthrough is a guess, not a request to switch technique.</summary>
    private const double SureTechniqueScore = 0.75;

    public async Task<InterruptionResult> TryHandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        if (!context.HasText)
        {
            return InterruptionResult.LeaveToDialog;
        }

        var dc = context.Dialogs;
        var turn = context.Turn;
        var route = await context.RouteAsync(router, cancellationToken).ConfigureAwait(false);
        var knowledge = moves.Replies.Knowledge;
        var walking = TechniqueDialog.IsWalkingThrough(dc);
        var offered = route.Alternatives.Take(3).Select(a => a.Intent).Where(i => i != RoutingIds.None && i != RoutingIds.Urgent).ToList();
        var onlyTechniques = offered.Count > 0 && offered.All(i => knowledge.FindTechnique(i) is not null);

        // Mid-walkthrough a tied or weak technique match ("how long should I hold a stretch?") is no reason to leave the
        // step: the walkthrough keeps the message and shows its buttons again.
        if (walking && (IsWeakTechnique(route) || (route.Decision == RoutingDecision.Clarify && onlyTechniques)))
        {
            await ConversationMoves.TraceAsync(turn, route, "fallback", cancellationToken).ConfigureAwait(false);
            return InterruptionResult.LeaveToDialog;
        }

        if (route.Decision == RoutingDecision.Answer)
        {
            // A sign to see a doctor first (fever, a history of cancer) during a technique: the answer says how soon, and
            // the technique ends rather than carrying on as if nothing was said.
            if (route.Layer == RoutingLayer.Safety && route.Intent == RoutingIds.SeeDoctor && dc.ActiveDialog?.Id == TechniqueDialog.DialogId)
            {
                await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            }

            await ConversationMoves.TraceAsync(turn, route, moves.DecisionFor(route), cancellationToken).ConfigureAwait(false);
            return InterruptionResult.Handled(await moves.RespondToRouteAsync(dc, context.Conversation, route, cancellationToken).ConfigureAwait(false));
        }

        if (route.Decision == RoutingDecision.Clarify && onlyTechniques)
        {
            // "my back is stiff": the question is which technique, which the screening and the picker will settle.
            await ConversationMoves.TraceAsync(turn, route, "start", cancellationToken).ConfigureAwait(false);
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return InterruptionResult.Handled(await dc.BeginDialogAsync(TechniqueDialog.DialogId, new TechniqueRequest(), cancellationToken).ConfigureAwait(false));
        }

        if (route.Decision != RoutingDecision.Fallback && offered.Count >= 2)
        {
            // A "did you mean" keeps whatever the user was doing; the pick is read next turn.
            var shown = offered.Take(3).ToList();
            context.Conversation.PendingClarification = shown;
            var titles = shown.Select(moves.Replies.TitleOf).ToList();
            var question = string.Format(CultureInfo.InvariantCulture, moves.Messages.ClarifyPrompt, titles[0], titles[1]);
            var choices = ChoiceFactory.ToChoices(titles.Append(moves.Messages.ClarifyNeither));
            await ConversationMoves.TraceAsync(turn, route, "clarify", cancellationToken).ConfigureAwait(false);
            await turn.SendActivityAsync(ChoiceFactory.ForChannel(turn.Activity.ChannelId, choices, question), cancellationToken).ConfigureAwait(false);
            return InterruptionResult.Handled(dc.ActiveDialog is null ? ConversationMoves.Done : Dialog.EndOfTurn);
        }

        await ConversationMoves.TraceAsync(turn, route, "fallback", cancellationToken).ConfigureAwait(false);
        return InterruptionResult.LeaveToDialog;
    }

    /// <summary>A technique chosen on little evidence: mid-walkthrough it is no reason to leave the step.</summary>
    private static bool IsWeakTechnique(RoutingResult route) =>
        route.Decision != RoutingDecision.Fallback && route.Intent.StartsWith(KnowledgeIds.TechniquePrefix, StringComparison.Ordinal) && route.Score < SureTechniqueScore;
}
