using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Bots;

/// <summary>Runs a root dialog on every message and saves the conversation's state at the end of each turn.</summary>
public class DialogBot<T> : ActivityHandler
    where T : Dialog
{
    public DialogBot(ConversationState conversationState, UserState userState, T dialog)
    {
        ConversationState = conversationState;
        UserState = userState;
        Dialog = dialog;
        DialogStateAccessor = conversationState.CreateProperty<DialogState>(nameof(DialogState));
    }

    protected ConversationState ConversationState { get; }

    protected UserState UserState { get; }

    protected T Dialog { get; }

    protected IStatePropertyAccessor<DialogState> DialogStateAccessor { get; }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);

        // Saved only when the turn succeeded; on failure the adapter's error handler clears it instead.
        await ConversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        await UserState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
    }

    protected override Task OnMessageActivityAsync(ITurnContext<Microsoft.Bot.Schema.IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        Dialog.RunAsync(turnContext, DialogStateAccessor, cancellationToken);
}
