using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector.Authentication;

namespace BackCare.Bot.Hosting;

/// <summary>
/// The SDK's CloudAdapter with one constructor (.NET's DI finds its two public ones ambiguous) and a
/// turn error handler that tells the user and clears the conversation's dialog state, so nobody
/// stays stuck in a broken dialog.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public const string ErrorMessage = "Sorry, something went wrong on my side. Say \"menu\" to start again.";

    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, ILogger<AdapterWithErrorHandler> logger, ConversationState conversationState)
        : base(auth, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Unhandled error in a turn of conversation {ConversationId}", turnContext.Activity.Conversation?.Id);

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
}
