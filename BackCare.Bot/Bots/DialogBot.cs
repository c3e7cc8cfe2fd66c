using BackCare.Bot.Content;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Bots;

/// <summary>
/// Runs a root dialog on every message (and on every Adaptive Card Action.Execute, as the message an Action.Submit of the
/// same data would be) and saves the conversation's and user's state at the end of each turn.
/// </summary>
public abstract class DialogBot<T> : ActivityHandler
    where T : Dialog
{
    private readonly LocalHelpOnSend _localHelp;

    public DialogBot(BackCareState state, T dialog, LocalHelpOnSend localHelp)
    {
        State = state;
        Dialog = dialog;
        _localHelp = localHelp;
    }

    protected BackCareState State { get; }

    protected T Dialog { get; }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        // First, so everything this turn sends (the adapter's error messages included) has its local help filled in.
        _localHelp.Attach(turnContext);

        // Teams re-sends an activity it got no 200 for within 15 s: what already ran is not run (or welcomed) again.
        if (await State.DialogState.HasAlreadyRunAsync(turnContext, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);

        // Saved only when the turn succeeded; on failure the adapter's error handler clears it instead.
        await State.ConversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        await State.UserState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
    }

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        // "@BackCare is foam rolling better…" in Teams: the mention of the bot is not part of the question.
        if (turnContext.Activity.Recipient is not null && !string.IsNullOrEmpty(turnContext.Activity.Text))
        {
            turnContext.Activity.RemoveRecipientMention();
            turnContext.Activity.Text = turnContext.Activity.Text?.Trim();
        }

        return Dialog.RunAsync(turnContext, State.DialogState, cancellationToken);
    }

    /// <summary>
    /// Action.Execute (Teams' Universal Actions) arrives as an invoke, not a message. It carries what an Action.Submit
    /// carries, so the dialog runs on it exactly as on that submit: a value-only message with the action's data (its
    /// verb as "action" when the data names none). Replies go out as messages and the card the dialog changes is updated
    /// in place; the invoke itself is acknowledged. The SDK's base class has already answered a malformed one with 400.
    /// </summary>
    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        var data = invokeValue.Action.Data is { } raw ? JToken.FromObject(raw) as JObject ?? new JObject() : new JObject();
        if (!string.IsNullOrEmpty(invokeValue.Action.Verb) && data["action"] is null)
        {
            data["action"] = invokeValue.Action.Verb;
        }

        // The turn context's activity is viewed as the equivalent message for the dialog's sake, then put back: the
        // adapter reads the type after the turn to return the invoke response.
        var activity = (Activity)turnContext.Activity;
        var (type, name, value, text) = (activity.Type, activity.Name, activity.Value, activity.Text);
        try
        {
            activity.Type = ActivityTypes.Message;
            activity.Name = null;
            activity.Value = data;
            activity.Text = null;
            await Dialog.RunAsync(turnContext, State.DialogState, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            (activity.Type, activity.Name, activity.Value, activity.Text) = (type, name, value, text);
        }

        return new AdaptiveCardInvokeResponse
        {
            StatusCode = 200,
            Type = "application/vnd.microsoft.activity.message",
            // The invoke response is not a message, so the send hook does not see it: its local help is filled in here.
            Value = LocalHelpTokens.Replace(ExecuteAcknowledgement, _localHelp.HelpFor(turnContext)),
        };
    }

    /// <summary>The short text an Action.Execute is acknowledged with (the conversation itself answers in messages).</summary>
    protected abstract string ExecuteAcknowledgement { get; }
}
