using System.Threading.RateLimiting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Hosting;

/// <summary>
/// Holds what a turn sends to a Teams conversation (replies, updates, deletes) to Teams' per-conversation limits
/// through <see cref="SendPacer"/>: each activity waits for its permit just before it goes out. Proactive turns
/// (reminders) run the same adapter middleware, so they are paced too. Other channels are not paced, nor are
/// expectReplies turns, whose replies travel back in the HTTP response rather than through the connector.
/// </summary>
public sealed class SendPacingMiddleware(SendPacer pacer, ILogger<SendPacingMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (ConversationToPace(turnContext.Activity) is { } conversation)
        {
            // The send handlers are given no token: the turn's ends their waits.
            turnContext.OnSendActivities((_, activities, send) => SendAsync(conversation, activities, send, cancellationToken));
            turnContext.OnUpdateActivity((_, _, update) => PacedAsync(conversation, update, cancellationToken));
            turnContext.OnDeleteActivity((_, _, delete) => PacedAsync(conversation, async () =>
            {
                await delete().ConfigureAwait(false);
                return true;
            }, cancellationToken));
        }

        return next(cancellationToken);
    }

    /// <summary>The conversation whose outgoing activities this turn sends through Teams' connector; null when it sends none there.</summary>
    internal static string? ConversationToPace(Activity activity) =>
        activity.ChannelId == Channels.Msteams && activity.DeliveryMode != DeliveryModes.ExpectReplies && activity.Conversation?.Id is { Length: > 0 } id
            ? id
            : null;

    /// <summary>Whether the adapter sends <paramref name="activity"/> to the connector: traces (outside the Emulator), delays and invoke responses stay here.</summary>
    internal static bool GoesOut(Activity activity) =>
        activity.Type is not (ActivityTypes.Trace or ActivityTypesEx.Delay or ActivityTypesEx.InvokeResponse);

    private async Task<ResourceResponse[]> SendAsync(string conversation, List<Activity> activities, Func<Task<ResourceResponse[]>> send, CancellationToken cancellationToken)
    {
        if (!activities.Exists(GoesOut))
        {
            return await send().ConfigureAwait(false);
        }

        if (activities.Count == 1)
        {
            return await PacedAsync(conversation, send, cancellationToken).ConfigureAwait(false);
        }

        // A batch goes one activity at a time, each as its permit comes: a window counts a send from when its permit
        // is taken, and a batch may be longer than a window allows.
        var batch = activities.ToArray();
        var responses = new List<ResourceResponse>(batch.Length);
        try
        {
            foreach (var activity in batch)
            {
                activities.Clear();
                activities.Add(activity);
                responses.AddRange(GoesOut(activity) ? await PacedAsync(conversation, send, cancellationToken).ConfigureAwait(false) : await send().ConfigureAwait(false));
            }
        }
        finally
        {
            // Handlers registered before this one (the transcript logger) read the list once the batch is sent.
            activities.Clear();
            activities.AddRange(batch);
        }

        return [.. responses];
    }

    private async Task<T> PacedAsync<T>(string conversation, Func<Task<T>> send, CancellationToken cancellationToken)
    {
        RateLimitLease? lease = null;
        try
        {
            lease = await pacer.AcquireAsync(conversation, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The pacer is already disposed: the host is stopping (handled below as a lease not acquired).
        }

        using (lease)
        {
            if (lease is not { IsAcquired: true })
            {
                // Only while the host stops. Better a send Teams may throttle (ConnectorResilience waits out a short Retry-After) than a lost one.
                logger.LogWarning("Sending to a conversation unpaced: the pacer is shutting down");
            }

            return await send().ConfigureAwait(false);
        }
    }
}
