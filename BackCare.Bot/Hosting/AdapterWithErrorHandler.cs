using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Hosting;

/// <summary>
/// The SDK's CloudAdapter with one constructor (.NET's DI finds its two public ones ambiguous), the bot's
/// middleware in order, and the bot's turn error handler (<see cref="TurnErrorHandler"/>).
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, ILogger<AdapterWithErrorHandler> logger, ConversationTurnLock turnLock, SendPacingMiddleware pacing, ActivityClaimMiddleware claims, TurnErrorHandler errors, IOptions<BackCareOptions> options)
        : base(auth, logger)
    {
        // First: a re-delivered activity is dropped before it waits for the conversation's lock.
        Use(claims);
        Use(turnLock);
        if (!string.IsNullOrWhiteSpace(options.Value.TranscriptFolder))
        {
            var transcripts = new FileTranscriptLogger(Path.GetFullPath(options.Value.TranscriptFolder), unitTestMode: false);

            // Outside the logger, so "forget me" deletes the transcript after the logger has written that turn.
            Use(new Privacy.TranscriptEraser(transcripts, logger));
            Use(new TranscriptLoggerMiddleware(transcripts));
        }

        // Last, so its send handler runs just before the adapter sends: a send's permit is taken right before it goes out.
        if (options.Value.SendPacing)
        {
            Use(pacing);
        }

        OnTurnError = errors.HandleAsync;
    }
}
