using Microsoft.Bot.Builder;

namespace BackCare.Bot.Privacy;

/// <summary>
/// Deletes a conversation's transcript after "forget me". It must run after the transcript logger has written the
/// turn (which logs "forget me" and its reply once the turn is over), so it sits before that logger in the adapter's
/// middleware and deletes on the way out, when the turn asked for it (<see cref="Request"/>).
/// </summary>
public sealed class TranscriptEraser(ITranscriptStore transcripts, ILogger logger) : Microsoft.Bot.Builder.IMiddleware
{
    private const string RequestKey = "BackCare.ForgetTranscript";

    /// <summary>Asks for this conversation's transcript to be deleted at the end of the turn.</summary>
    public static void Request(ITurnContext turnContext) => turnContext.TurnState[RequestKey] = true;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Also after a turn that failed once "forget me" had asked: the user was told it is deleted.
            if (turnContext.TurnState.ContainsKey(RequestKey))
            {
                await EraseAsync(turnContext).ConfigureAwait(false);
            }
        }
    }

    private async Task EraseAsync(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        try
        {
            await transcripts.DeleteTranscriptAsync(activity.ChannelId, activity.Conversation.Id).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No ids in the log: the folder's owner can find the file by its age.
            logger.LogError(e, "A transcript could not be deleted after \"forget me\".");
        }
    }
}
