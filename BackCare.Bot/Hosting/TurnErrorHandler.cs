using BackCare.Bot.Content;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.Dialogs;
using BackCare.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Hosting;

/// <summary>
/// The adapter's turn error handler. What a failed turn may cost the user is its own half-finished dialog, never
/// what keeps them safe: the emergency flag and the screening outcome are not deleted by any failure.
/// A cancelled turn (the host stopping) is as if it never happened: nothing is saved, deleted or sent. State the
/// turn could not save (a conflict, storage down) is left alone with a plain word. Any other failure clears only
/// the dialog stack, from the state as last saved, and tells the user where they were.
/// </summary>
public sealed class TurnErrorHandler(BackCareState state, KnowledgeBase knowledge, ILogger<TurnErrorHandler> logger)
{
    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        if (IsCancellation(exception))
        {
            // The turn's changes were never saved (that happens at its end) and a re-sent activity runs again.
            logger.LogInformation("A turn was cancelled before it finished; nothing was saved");
            return;
        }

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
                await TrySendAsync(turnContext, plainly).ConfigureAwait(false);
            }

            return;
        }

        logger.LogError(exception, "Unhandled error in a turn");
        var place = await ClearDialogStackAsync(turnContext).ConfigureAwait(false);

        // Nothing more is said to a conversation the bot is being removed from, or on a proactive turn the user did not
        // start, or through a connector that just could not be reached (the message would wait out another retry budget).
        if (turnContext.Activity.Type is ActivityTypes.Message or ActivityTypes.Invoke && !ConnectorUnavailable.Is(exception))
        {
            await TrySendAsync(turnContext, place switch
            {
                TurnPlace.Screening => knowledge.Messages.TurnErrorInScreening,
                TurnPlace.Technique => knowledge.Messages.TurnErrorInTechnique,
                _ => knowledge.Messages.TurnError,
            }).ConfigureAwait(false);
            await TryTraceAsync(turnContext, exception).ConfigureAwait(false);
        }
    }

    /// <summary>Whether <paramref name="text"/> is one of the replies a failed turn gets (for tools and tests that count failed turns).</summary>
    public static bool IsErrorReply(BotMessages messages, string? text) =>
        text is not null && (text == messages.TurnError || text == messages.TurnErrorInScreening || text == messages.TurnErrorInTechnique);

    /// <summary>
    /// A cancellation, not a time-out: HttpClient reports its own time-out as a TaskCanceledException caused by a
    /// TimeoutException, and that is a failed turn like any other.
    /// </summary>
    public static bool IsCancellation(Exception exception) =>
        exception is OperationCanceledException && exception.InnerException is not TimeoutException;

    /// <summary>
    /// Saves the conversation as it was before this turn, without its dialog stack (so the next message starts
    /// cleanly, and no broken dialog keeps failing), and an emergency this turn reported before it failed. Returns
    /// where the user was.
    /// </summary>
    private async Task<TurnPlace> ClearDialogStackAsync(ITurnContext turnContext)
    {
        var place = TurnPlace.None;
        try
        {
            // What this turn got to, in memory: where it was, and whether it heard of an emergency.
            place = PlaceOf(await state.DialogState.GetAsync(turnContext, () => new DialogState()).ConfigureAwait(false));
            var emergencyReported = (await state.GetConversationAsync(turnContext, CancellationToken.None).ConfigureAwait(false)).EmergencyReported;
            var emergencyRecord = HasUser(turnContext) && (await state.GetProfileAsync(turnContext, CancellationToken.None).ConfigureAwait(false)).Screening is { Outcome: ScreeningOutcome.Emergency } record
                ? record
                : null;

            // Everything else this turn changed is dropped: start again from what was saved.
            await state.ConversationState.LoadAsync(turnContext, true).ConfigureAwait(false);
            var dialogs = await state.DialogState.GetAsync(turnContext, () => new DialogState()).ConfigureAwait(false);
            dialogs.DialogStack.Clear();
            await state.DialogState.SetAsync(turnContext, dialogs).ConfigureAwait(false);
            var conversation = await state.GetConversationAsync(turnContext, CancellationToken.None).ConfigureAwait(false);
            conversation.EmergencyReported |= emergencyReported;
            await state.ConversationState.SaveChangesAsync(turnContext, true).ConfigureAwait(false);

            if (emergencyRecord is not null)
            {
                await state.UserState.LoadAsync(turnContext, true).ConfigureAwait(false);
                var profile = await state.GetProfileAsync(turnContext, CancellationToken.None).ConfigureAwait(false);
                if (profile.Screening is not { Outcome: ScreeningOutcome.Emergency })
                {
                    profile.Screening = emergencyRecord;
                    await state.UserState.SaveChangesAsync(turnContext, true).ConfigureAwait(false);
                }
            }
        }
        catch (Exception stateError)
        {
            logger.LogError(stateError, "Could not clear the dialog stack after an error");
        }

        return place;
    }

    /// <summary>The deepest place the dialog stack shows, looking into each component's own stack.</summary>
    private static TurnPlace PlaceOf(DialogState dialogs)
    {
        var place = TurnPlace.None;
        foreach (var instance in dialogs.DialogStack)
        {
            var own = instance.Id switch
            {
                ScreeningDialog.DialogId => TurnPlace.Screening,
                TechniqueDialog.DialogId or WalkthroughDialog.DialogId => TurnPlace.Technique,
                _ => TurnPlace.None,
            };
            var inner = instance.State.GetValue<DialogState>(ComponentDialog.InnerStateKey) is { } innerDialogs ? PlaceOf(innerDialogs) : TurnPlace.None;
            place = (TurnPlace)Math.Max((int)place, Math.Max((int)own, (int)inner));
        }

        return place;
    }

    /// <summary>UserState keys on the channel and the sender; an activity without them has no user to keep anything for.</summary>
    private static bool HasUser(ITurnContext turnContext) =>
        !string.IsNullOrEmpty(turnContext.Activity.ChannelId) && !string.IsNullOrEmpty(turnContext.Activity.From?.Id);

    private async Task TrySendAsync(ITurnContext turnContext, string text)
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

    private async Task TryTraceAsync(ITurnContext turnContext, Exception exception)
    {
        try
        {
            await turnContext.TraceActivityAsync("OnTurnError Trace", exception.Message, "https://www.botframework.com/schemas/error", "TurnError").ConfigureAwait(false);
        }
        catch (Exception traceError)
        {
            logger.LogError(traceError, "Could not trace the error");
        }
    }

    /// <summary>Where a failed turn left the user, from least to most specific.</summary>
    private enum TurnPlace
    {
        None,
        Technique,
        Screening,
    }
}
