using BackCare.Bot.Hosting;
using BackCare.Bot.Privacy;
using BackCare.Bot.Reminders;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.State;

/// <summary>
/// Deletes everything the bot keeps for the turn's user and conversation: the conversation's state, the user's
/// profile (the screening outcome), their reminder subscription and, when transcripts are kept, this conversation's
/// transcript. One path for "forget me" and for the app being uninstalled or the bot removed from the chat, so both
/// always delete the same things.
/// </summary>
public sealed class StoredDataEraser(BackCareState state, ReminderConversation reminders, IOptions<BackCareOptions> options)
{
    /// <summary>Whether a transcript is kept, and so deleted with the rest.</summary>
    public bool TranscriptsKept => !string.IsNullOrWhiteSpace(options.Value.TranscriptFolder);

    public async Task EraseAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await state.ForgetAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await reminders.ForgetAsync(turnContext, cancellationToken).ConfigureAwait(false);

        // The transcript logger writes this turn once it is over, so the transcript goes after that.
        if (TranscriptsKept)
        {
            TranscriptEraser.Request(turnContext);
        }
    }
}
