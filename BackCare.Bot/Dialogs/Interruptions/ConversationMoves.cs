using BackCare.Bot.CardRendering;
using BackCare.Bot.Content;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.Reminders;
using BackCare.Bot.Routing;
using BackCare.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.TraceExtensions;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>
/// The moves the checks share: give emergency advice, answer a routing id, go back to where the user was,
/// re-screen, and report a routing decision in the KeywordRouter trace.
/// </summary>
public sealed class ConversationMoves(BackCareReplies replies, ReminderConversation reminders, BackCareState state, TimeProvider time)
{
    public const string KeywordRouterTraceName = "KeywordRouter";

    public BackCareReplies Replies => replies;

    public BotMessages Messages => replies.Messages;

    public static DialogTurnResult Done => new(DialogTurnStatus.Complete);

    /// <summary>Emergency advice, and nothing else offered in this conversation until a re-screen.</summary>
    public async Task<DialogTurnResult> UrgentAsync(DialogContext dc, ConversationData conversation, CancellationToken cancellationToken)
    {
        // Flag and advice before anything that talks to the channel or storage again (closing a step card,
        // ending reminders), so nothing slow or failing there can delay or lose them.
        conversation.EmergencyReported = true;
        await dc.Context.SendActivityAsync(replies.Urgent(dc.Context), cancellationToken).ConfigureAwait(false);
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        await RecordEmergencyAsync(dc, cancellationToken).ConfigureAwait(false);
        await reminders.StopForEmergencyAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        return Done;
    }

    /// <summary>
    /// An emergency told in the user's own words counts as the screening's outcome too, so an earlier all-clear
    /// kept on the profile cannot offer techniques in another chat; "I answered by mistake" re-screens as ever.
    /// </summary>
    private async Task RecordEmergencyAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        // No user to keep it for (an activity without a channel or sender): the conversation's flag must do.
        if (string.IsNullOrEmpty(dc.Context.Activity.ChannelId) || string.IsNullOrEmpty(dc.Context.Activity.From?.Id))
        {
            return;
        }

        try
        {
            var profile = await state.GetProfileAsync(dc.Context, cancellationToken).ConfigureAwait(false);
            profile.Screening = new ScreeningRecord { Outcome = ScreeningOutcome.Emergency, CompletedAt = time.GetUtcNow(), CautionIds = [] };
        }
        catch (StorageUnavailableException)
        {
            // The advice was given and the conversation's flag is set; the profile is saved with the next turn that can.
        }
    }

    /// <summary>
    /// Answers a routed message: a pregnancy warning sign gets the maternity advice alone; any other sign of the
    /// safety layer shows its own time frame ("with a fever, speak to … today") before the answer to its routing id.
    /// </summary>
    public async Task<DialogTurnResult> RespondToRouteAsync(DialogContext dc, ConversationData conversation, RoutingResult route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        var advice = route.Layer == RoutingLayer.Safety && route.SafetyAdvice is { } key ? Messages.SafetyAdvice.GetValueOrDefault(key) : null;
        if (route.Intent == RoutingIds.Urgent && route.SafetyLevel == SafetyLevels.Maternity && advice is not null)
        {
            return await MaternityAsync(dc, advice, cancellationToken).ConfigureAwait(false);
        }

        if (advice is not null && route.Intent != RoutingIds.Urgent)
        {
            await dc.Context.SendActivityAsync(replies.Text(advice), cancellationToken).ConfigureAwait(false);
        }

        return await RespondToIntentAsync(dc, conversation, route.Intent, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A warning sign in pregnancy: contact the maternity unit now. Whatever was under way ends, so no technique
    /// follows this reply; the conversation is not locked as after an emergency, since the advice is a call, not 999.
    /// </summary>
    private async Task<DialogTurnResult> MaternityAsync(DialogContext dc, string advice, CancellationToken cancellationToken)
    {
        await dc.Context.SendActivityAsync(replies.Text(advice), cancellationToken).ConfigureAwait(false);
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return Done;
    }

    /// <summary>Answers a routing id: emergency advice, a technique (screening first), an answer or a tip.</summary>
    public async Task<DialogTurnResult> RespondToIntentAsync(DialogContext dc, ConversationData conversation, string intent, CancellationToken cancellationToken)
    {
        var context = dc.Context;
        if (intent == RoutingIds.Urgent)
        {
            return await UrgentAsync(dc, conversation, cancellationToken).ConfigureAwait(false);
        }

        if (replies.Knowledge.FindTechnique(intent) is { } technique)
        {
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return await dc.BeginDialogAsync(TechniqueDialog.DialogId, new TechniqueRequest { TechniqueId = technique.Id }, cancellationToken).ConfigureAwait(false);
        }

        // An answer given at the menu or to "what would you like to know?" is what those prompts were for: they end.
        if (dc.ActiveDialog?.Id is MainDialog.MenuPromptId or MainDialog.QuestionPromptId)
        {
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        if (replies.Knowledge.FindAnswer(intent) is { } answer)
        {
            conversation.LastAnswerId = answer.Id;
            await context.SendActivityAsync(replies.Answer(context, answer), cancellationToken).ConfigureAwait(false);
        }
        else if (replies.Knowledge.FindTip(intent) is { } tip)
        {
            await context.SendActivityAsync(replies.TipDetail(tip), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await context.SendActivityAsync(replies.Text(Messages.Fallback), cancellationToken).ConfigureAwait(false);
        }

        return await ReturnToWhereWeWereAsync(dc, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After an aside (an answer, a tip), shows again what the user was on, or ends at the root.</summary>
    public async Task<DialogTurnResult> ReturnToWhereWeWereAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.ActiveDialog is null)
        {
            return Done;
        }

        await dc.Context.SendActivityAsync(replies.Text(Messages.ResumePrompt), cancellationToken).ConfigureAwait(false);
        await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return Dialog.EndOfTurn;
    }

    public async Task<DialogTurnResult> RescreenAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return await dc.BeginDialogAsync(TechniqueDialog.DialogId, new TechniqueRequest { Rescreen = true }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What answering <paramref name="route"/> shows the user, in the trace's words: urgent, start (a technique's screening) or answer.</summary>
    public string DecisionFor(RoutingResult route) =>
        route.Intent == RoutingIds.Urgent ? "urgent" : replies.Knowledge.FindTechnique(route.Intent) is not null ? "start" : "answer";

    /// <summary>
    /// The KeywordRouter trace (only the Emulator shows it): what the router found and what the user was shown,
    /// <paramref name="decision"/> being answer, clarify, fallback, urgent or start.
    /// </summary>
    public static Task TraceAsync(ITurnContext context, RoutingResult route, string decision, CancellationToken cancellationToken)
    {
        var value = new JObject
        {
            ["text"] = route.Text,
            ["intent"] = route.Intent,
            ["score"] = route.Score,
            ["alternatives"] = new JArray(route.Alternatives.Select(a => new JObject { ["intent"] = a.Intent, ["score"] = a.Score })),
            ["decision"] = decision,
            ["layer"] = route.Layer.ToString().ToLowerInvariant(),
        };
        return context.TraceActivityAsync(KeywordRouterTraceName, value, "https://backcare.bot/schemas/KeywordRouter", "Keyword routing", cancellationToken);
    }
}
