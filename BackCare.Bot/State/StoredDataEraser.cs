using BackCare.Bot.Reminders;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.State;

/// <summary>
/// Deletes everything the bot keeps for the turn's user and conversation: the conversation's state, the user's
/// profile (the screening outcome) and their reminder subscription. One path for "forget me" and for the app being
/// uninstalled or the bot removed from the chat, so both always delete the same things.
/// </summary>
public sealed class StoredDataEraser(BackCareState state, ReminderConversation reminders)
{
    public async Task EraseAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await state.ForgetAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await reminders.ForgetAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }
}
