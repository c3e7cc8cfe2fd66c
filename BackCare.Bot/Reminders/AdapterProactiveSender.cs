using System.Runtime.ExceptionServices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Reminders;

/// <summary>
/// Proactive turns through a Bot Framework adapter: the CloudAdapter in the host, with the bot's app id
/// (MicrosoftAppId, empty in local mode), which the connector needs to sign the outgoing call.
/// A failure inside the turn is handed back to the caller instead of to the adapter's turn error handler, which
/// is made for a user's own message: it would send them "something went wrong" and clear their conversation.
/// </summary>
public sealed class AdapterProactiveSender(BotAdapter adapter, string botAppId) : IProactiveSender
{
    public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ExceptionDispatchInfo? failure = null;
        await adapter.ContinueConversationAsync(
            botAppId,
            reference,
            async (turnContext, ct) =>
            {
                turnContext.OnSendActivities(SendAsNewMessagesAsync);
                try
                {
                    await callback(turnContext, ct).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            cancellationToken).ConfigureAwait(false);
        failure?.Throw();
    }

    /// <summary>
    /// The SDK makes every send of a turn a reply to the turn's activity, here the ContinueConversation event with
    /// an id it made up, which the channel never saw; a proactive message is a new message in the conversation
    /// (POST .../activities, not .../activities/{id}).
    /// </summary>
    private static Task<ResourceResponse[]> SendAsNewMessagesAsync(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next)
    {
        foreach (var activity in activities)
        {
            activity.ReplyToId = null;
        }

        return next();
    }
}
