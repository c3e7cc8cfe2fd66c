using BackCare.Bot.Content;
using BackCare.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Hosting;

/// <summary>
/// The SDK's CloudAdapter with one constructor (.NET's DI finds its two public ones ambiguous) and a
/// turn error handler that tells the user and clears the conversation's dialog state, so nobody
/// stays stuck in a broken dialog.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public const string ErrorMessage = "Sorry, something went wrong on my side. Say \"menu\" to start again.";

    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, ILogger<AdapterWithErrorHandler> logger, ConversationState conversationState, ConversationTurnLock turnLock, SendPacingMiddleware pacing, KnowledgeBase knowledge, IOptions<BackCareOptions> options)
        : base(auth, logger)
    {
        Use(turnLock);
        if (!string.IsNullOrWhiteSpace(options.Value.TranscriptFolder))
        {
            Use(new TranscriptLoggerMiddleware(new FileTranscriptLogger(Path.GetFullPath(options.Value.TranscriptFolder), unitTestMode: false)));
        }

        // Last, so its send handler runs just before the adapter sends: a send's permit is taken right before it goes out.
        if (options.Value.SendPacing)
        {
            Use(pacing);
        }

        OnTurnError = async (turnContext, exception) =>
        {
            // The state is fine in these two cases (another turn's save stands; the storage is down):
            // say what happened plainly and leave the state alone.
            var plainly = exception switch
            {
                StateConflictException => knowledge.Messages.ConcurrentUpdate,
                StorageUnavailableException => knowledge.Messages.StorageUnavailable,
                _ => null,
            };
            if (plainly is not null)
            {
                logger.LogWarning(exception, "A turn was not saved");

                // Only what the user sent can be sent again: a conflicting install event (Teams' conversationUpdate and
                // installationUpdate reaching two instances at once) loses to the other instance's welcome, silently.
                if (exception is not StateConflictException || turnContext.Activity.Type is ActivityTypes.Message or ActivityTypes.Invoke)
                {
                    await TrySendAsync(turnContext, plainly, logger).ConfigureAwait(false);
                }

                return;
            }

            logger.LogError(exception, "Unhandled error in a turn");

            try
            {
                await turnContext.SendActivityAsync(ErrorMessage).ConfigureAwait(false);
                await turnContext.TraceActivityAsync("OnTurnError Trace", exception.Message, "https://www.botframework.com/schemas/error", "TurnError").ConfigureAwait(false);
            }
            catch (Exception sendError)
            {
                logger.LogError(sendError, "Could not tell the user about the error");
            }

            try
            {
                // Forget the half-finished dialog: the next message starts cleanly.
                await conversationState.DeleteAsync(turnContext).ConfigureAwait(false);
            }
            catch (Exception stateError)
            {
                logger.LogError(stateError, "Could not clear the conversation state after an error");
            }
        };
    }

    private static async Task TrySendAsync(ITurnContext turnContext, string text, ILogger logger)
    {
        try
        {
            await turnContext.SendActivityAsync(text).ConfigureAwait(false);
        }
        catch (Exception sendError)
        {
            logger.LogError(sendError, "Could not tell the user about the error");
        }
    }
}
