using BackCare.Bot.CardRendering;
using BackCare.Bot.Content;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Dialogs;

/// <summary>
/// Walks through one technique, one card per step, with Back / Next / This hurts / Stop as card
/// buttons or typed words. Begun with the technique id; ends with a <see cref="WalkthroughResult"/>.
/// Where the channel can update a sent card (Teams), the buttons change the one live card
/// in place; a card left behind (after a question, a typed command, the end) is closed: its buttons removed.
/// </summary>
public sealed class WalkthroughDialog(BackCareReplies replies, CardMessenger messenger) : Dialog(DialogId)
{
    public const string DialogId = "walkthrough";

    private const string TechniqueKey = "technique";
    private const string StepKey = "step";

    /// <summary>The caution whose adapted form of the technique is shown (pregnancy), or null for the technique as it is.</summary>
    private const string AdaptationKey = "adaptation";

    /// <summary>The id of the message showing the live step card, while it can still be updated.</summary>
    private const string CardKey = "card";

    private enum ActionSource
    {
        Typed,
        CurrentCard,
        EarlierCard,
    }

    private static readonly Dictionary<string, string> TypedCommands = new(StringComparer.Ordinal)
    {
        ["next"] = BackCareReplies.ActionNext,
        ["n"] = BackCareReplies.ActionNext,
        ["continue"] = BackCareReplies.ActionNext,
        ["done"] = BackCareReplies.ActionNext,
        ["finish"] = BackCareReplies.ActionNext,
        ["ok"] = BackCareReplies.ActionNext,
        ["okay"] = BackCareReplies.ActionNext,
        ["go on"] = BackCareReplies.ActionNext,
        ["next step"] = BackCareReplies.ActionNext,
        ["back"] = BackCareReplies.ActionBack,
        ["go back"] = BackCareReplies.ActionBack,
        ["previous"] = BackCareReplies.ActionBack,
        ["previous step"] = BackCareReplies.ActionBack,
        ["this hurts"] = BackCareReplies.ActionHurts,
        ["it hurts"] = BackCareReplies.ActionHurts,
        ["that hurts"] = BackCareReplies.ActionHurts,
        ["hurts"] = BackCareReplies.ActionHurts,
        ["ouch"] = BackCareReplies.ActionHurts,
        ["ow"] = BackCareReplies.ActionHurts,
        ["pain"] = BackCareReplies.ActionHurts,
        ["painful"] = BackCareReplies.ActionHurts,
        ["it's painful"] = BackCareReplies.ActionHurts,
        ["stop"] = BackCareReplies.ActionStop,
        ["quit"] = BackCareReplies.ActionStop,
        ["end"] = BackCareReplies.ActionStop,
    };

    /// <summary>The walkthrough command a typed message means, or null.</summary>
    public static string? ParseCommand(string? text) =>
        text is null ? null : TypedCommands.GetValueOrDefault(ChoiceRecognizer.Normalize(text));

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var start = options as WalkthroughStart ?? new WalkthroughStart
        {
            TechniqueId = options as string ?? throw new ArgumentException("A walkthrough needs the technique id.", nameof(options)),
        };
        var technique = replies.Knowledge.FindTechnique(start.TechniqueId) ?? throw new ArgumentException($"No technique '{start.TechniqueId}'.", nameof(options));

        var state = dc.ActiveDialog!.State;
        state[TechniqueKey] = start.TechniqueId;
        state[AdaptationKey] = technique.AdaptationFor(start.CautionIds);
        state[StepKey] = 0;
        await ShowStepAnewAsync(dc.Context, state, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var state = dc.ActiveDialog!.State;
        var technique = TechniqueOf(state);
        var step = state.GetValue(StepKey, 0);

        var (action, source) = ReadAction(dc.Context.Activity, technique.Id, step);
        if (action is null)
        {
            await dc.Context.SendActivityAsync(replies.Text(replies.Messages.StepHelp), cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        // "This hurts" stops at once, whichever card it came from; other buttons from old cards only re-show where we are.
        if (action == BackCareReplies.ActionHurts)
        {
            // The advice first; closing the card is an update that can wait on Teams.
            await dc.Context.SendActivityAsync(replies.Text(replies.Messages.HurtsStop), cancellationToken).ConfigureAwait(false);
            await CloseCardAsync(dc.Context, state, replies.Messages.StepCardHurt, cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(WalkthroughResult.Hurt, cancellationToken).ConfigureAwait(false);
        }

        if (source == ActionSource.EarlierCard)
        {
            await dc.Context.SendActivityAsync(replies.Text(replies.Messages.StaleCard), cancellationToken).ConfigureAwait(false);
            await ShowStepAnewAsync(dc.Context, state, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        int next;
        switch (action)
        {
            case BackCareReplies.ActionStop:
                await CloseCardAsync(dc.Context, state, replies.Messages.StepCardStopped, cancellationToken).ConfigureAwait(false);
                await dc.Context.SendActivityAsync(replies.Text(replies.Messages.WalkthroughStopped), cancellationToken).ConfigureAwait(false);
                return await dc.EndDialogAsync(WalkthroughResult.Stopped, cancellationToken).ConfigureAwait(false);
            case BackCareReplies.ActionBack:
                next = Math.Max(0, step - 1);
                break;
            default:
                if (step + 1 >= technique.Steps.Count)
                {
                    await CloseCardAsync(dc.Context, state, replies.Messages.StepCardFinished, cancellationToken).ConfigureAwait(false);
                    return await dc.EndDialogAsync(WalkthroughResult.Completed, cancellationToken).ConfigureAwait(false);
                }

                next = step + 1;
                break;
        }

        // A button of the live card turns that card to the new step; a typed command gets a new card under the user's words.
        if (source == ActionSource.CurrentCard)
        {
            state[StepKey] = next;
            state[CardKey] = await messenger.ReplaceAsync(dc.Context, state.GetValue<string>(CardKey), StepCard(dc.Context, state), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await CloseCardAsync(dc.Context, state, replies.Messages.StepCardMovedOn, cancellationToken).ConfigureAwait(false);
            state[StepKey] = next;
            await ShowStepAnewAsync(dc.Context, state, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        ShowStepAnewAsync(turnContext, instance.State, cancellationToken);

    /// <summary>Cancelled or replaced (an emergency answer, "menu", "forget me"): the live card loses its buttons.</summary>
    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        await CloseCardAsync(turnContext, instance.State, replies.Messages.StepCardStopped, cancellationToken).ConfigureAwait(false);
        await base.EndDialogAsync(turnContext, instance, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a message is a walkthrough command for this dialog (typed, or a step card's button).</summary>
    public static bool IsCommand(Activity activity) =>
        ParseCommand(activity.Text) is not null || SubmittedAction(activity) is not null;

    /// <summary>The "action" of a step card's submit data, if the message is one.</summary>
    public static string? SubmittedAction(IActivity activity) =>
        activity is IMessageActivity { Value: JObject data } && SubmitData.StringOf(data, "action") is { } action && action is
            BackCareReplies.ActionNext or BackCareReplies.ActionBack or BackCareReplies.ActionHurts or BackCareReplies.ActionStop
            ? action
            : null;

    private static (string? Action, ActionSource Source) ReadAction(Activity activity, string techniqueId, int step)
    {
        if (string.IsNullOrWhiteSpace(activity.Text) && SubmittedAction(activity) is { } submitted)
        {
            var data = (JObject)activity.Value;
            var sameCard = SubmitData.StringOf(data, "technique") == techniqueId && data["step"] is JValue { Type: JTokenType.Integer } submittedStep && (long)submittedStep == step;
            return (submitted, sameCard ? ActionSource.CurrentCard : ActionSource.EarlierCard);
        }

        return (ParseCommand(activity.Text), ActionSource.Typed);
    }

    private Technique TechniqueOf(IDictionary<string, object?> state)
    {
        var id = state.GetValue<string>(TechniqueKey) ?? string.Empty;
        var technique = replies.Knowledge.FindTechnique(id)
            ?? throw new InvalidOperationException($"The walkthrough's technique '{id}' is no longer in the content.");
        return AdaptedAsShown(technique, state);
    }

    private IMessageActivity StepCard(ITurnContext turnContext, IDictionary<string, object?> state)
    {
        var technique = TechniqueOf(state);
        return replies.Step(turnContext, technique, ShownStep(state, technique));
    }

    private static int ShownStep(IDictionary<string, object?> state, Technique technique) =>
        Math.Clamp(state.GetValue(StepKey, 0), 0, technique.Steps.Count - 1);

    /// <summary>Sends the current step as a new card, closing the live one above it first (so only one card has buttons).</summary>
    private async Task ShowStepAnewAsync(ITurnContext turnContext, IDictionary<string, object?> state, CancellationToken cancellationToken)
    {
        await CloseCardAsync(turnContext, state, replies.Messages.StepCardMovedOn, cancellationToken).ConfigureAwait(false);
        state[CardKey] = await messenger.SendAsync(turnContext, StepCard(turnContext, state), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Turns the live card, if any, into its closed form with <paramref name="status"/>; best effort.</summary>
    private async Task CloseCardAsync(ITurnContext turnContext, IDictionary<string, object?> state, string status, CancellationToken cancellationToken)
    {
        var cardId = state.GetValue<string>(CardKey);
        state.Remove(CardKey);

        // A technique gone from the content (renamed in a redeploy) leaves nothing to draw: the card stays as it was.
        if (cardId is null || replies.Knowledge.FindTechnique(state.GetValue<string>(TechniqueKey) ?? string.Empty) is not { } found)
        {
            return;
        }

        var technique = AdaptedAsShown(found, state);

        // The card showed the step before this turn changed anything; closing happens before the step moves.
        await messenger.TryUpdateAsync(turnContext, cardId, replies.ClosedStep(technique, ShownStep(state, technique), status), cancellationToken).ConfigureAwait(false);
    }

    private static Technique AdaptedAsShown(Technique technique, IDictionary<string, object?> state) =>
        state.GetValue<string>(AdaptationKey) is { } caution ? technique.AdaptedFor([caution]) : technique;
}
