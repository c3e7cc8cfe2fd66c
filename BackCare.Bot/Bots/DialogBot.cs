using BackCare.Bot.DialogEngine;
using BackCare.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Bots;

/// <summary>Runs a root dialog on every message and saves the conversation's and user's state at the end of each turn.</summary>
public class DialogBot<T> : ActivityHandler
    where T : Dialog
{
    public DialogBot(BackCareState state, T dialog)
    {
        State = state;
        Dialog = dialog;
    }

    protected BackCareState State { get; }

    protected T Dialog { get; }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
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
}
