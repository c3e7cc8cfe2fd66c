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
/// </summary>
public sealed class WalkthroughDialog(BackCareReplies replies) : Dialog(DialogId)
{
    public const string DialogId = "walkthrough";

    private const string TechniqueKey = "technique";
    private const string StepKey = "step";

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
        var techniqueId = options as string ?? throw new ArgumentException("A walkthrough needs the technique id.", nameof(options));
        _ = replies.Knowledge.FindTechnique(techniqueId) ?? throw new ArgumentException($"No technique '{techniqueId}'.", nameof(options));

        var state = dc.ActiveDialog!.State;
        state[TechniqueKey] = techniqueId;
        state[StepKey] = 0;
        await SendStepAsync(dc.Context, state, cancellationToken).ConfigureAwait(false);
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

        var (action, fromCurrentCard) = ReadAction(dc.Context.Activity, technique.Id, step);
        if (action is null)
        {
            await dc.Context.SendActivityAsync(replies.Text(replies.Messages.StepHelp), cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        // "This hurts" stops at once, whichever card it came from; other buttons from old cards only re-show where we are.
        if (action == BackCareReplies.ActionHurts)
        {
            await dc.Context.SendActivityAsync(replies.Text(replies.Messages.HurtsStop), cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(WalkthroughResult.Hurt, cancellationToken).ConfigureAwait(false);
        }

        if (!fromCurrentCard)
        {
            await dc.Context.SendActivityAsync(replies.Text(replies.Messages.StaleCard), cancellationToken).ConfigureAwait(false);
            await SendStepAsync(dc.Context, state, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        switch (action)
        {
            case BackCareReplies.ActionStop:
                await dc.Context.SendActivityAsync(replies.Text(replies.Messages.WalkthroughStopped), cancellationToken).ConfigureAwait(false);
                return await dc.EndDialogAsync(WalkthroughResult.Stopped, cancellationToken).ConfigureAwait(false);
            case BackCareReplies.ActionBack:
                state[StepKey] = Math.Max(0, step - 1);
                break;
            default:
                if (step + 1 >= technique.Steps.Count)
                {
                    return await dc.EndDialogAsync(WalkthroughResult.Completed, cancellationToken).ConfigureAwait(false);
                }

                state[StepKey] = step + 1;
                break;
        }

        await SendStepAsync(dc.Context, state, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        SendStepAsync(turnContext, instance.State, cancellationToken);

    /// <summary>Whether a message is a walkthrough command for this dialog (typed, or a step card's button).</summary>
    public static bool IsCommand(Activity activity) =>
        ParseCommand(activity.Text) is not null || SubmittedAction(activity) is not null;

    /// <summary>The "action" of a step card's submit data, if the message is one.</summary>
    public static string? SubmittedAction(IActivity activity) =>
        activity is IMessageActivity { Value: JObject data } && SubmitData.StringOf(data, "action") is { } action && action is
            BackCareReplies.ActionNext or BackCareReplies.ActionBack or BackCareReplies.ActionHurts or BackCareReplies.ActionStop
            ? action
            : null;

    private static (string? Action, bool FromCurrentCard) ReadAction(Activity activity, string techniqueId, int step)
    {
        if (string.IsNullOrWhiteSpace(activity.Text) && SubmittedAction(activity) is { } submitted)
        {
            var data = (JObject)activity.Value;
            var sameCard = SubmitData.StringOf(data, "technique") == techniqueId && data["step"] is JValue { Type: JTokenType.Integer } submittedStep && (long)submittedStep == step;
            return (submitted, sameCard);
        }

        return (ParseCommand(activity.Text), true);
    }

    private Technique TechniqueOf(IDictionary<string, object?> state)
    {
        var id = state.GetValue<string>(TechniqueKey) ?? string.Empty;
        return replies.Knowledge.FindTechnique(id)
            ?? throw new InvalidOperationException($"The walkthrough's technique '{id}' is no longer in the content.");
    }

    private Task SendStepAsync(ITurnContext turnContext, IDictionary<string, object?> state, CancellationToken cancellationToken)
    {
        var technique = TechniqueOf(state);
        var step = Math.Clamp(state.GetValue(StepKey, 0), 0, technique.Steps.Count - 1);
        return turnContext.SendActivityAsync(replies.Step(turnContext, technique, step), cancellationToken);
    }
}
