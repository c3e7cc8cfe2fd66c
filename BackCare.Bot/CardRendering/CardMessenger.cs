using BackCare.Bot.DialogEngine.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.CardRendering;

/// <summary>
/// Sends a card that can later be replaced in place (UpdateActivityAsync with the id the send returned), where
/// the channel allows it, so a walkthrough shows one card that changes instead of a new card per step.
/// Elsewhere, or when the channel refuses an update, a new card is sent instead.
/// </summary>
public sealed class CardMessenger(ILogger<CardMessenger> logger)
{
    /// <summary>
    /// Whether a card sent in this turn can be updated later: the channel replaces activities, and replies go
    /// through its connector (with expectReplies they come back in the HTTP response and have no channel id).
    /// </summary>
    public static bool CanUpdate(ITurnContext turnContext) =>
        ChannelCapabilities.SupportsActivityUpdates(turnContext.Activity.ChannelId)
        && !string.Equals(turnContext.Activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    /// <summary>Sends <paramref name="card"/> as a new message; returns its id when it can be updated later, else null.</summary>
    public async Task<string?> SendAsync(ITurnContext turnContext, IMessageActivity card, CancellationToken cancellationToken)
    {
        var response = await turnContext.SendActivityAsync(card, cancellationToken).ConfigureAwait(false);
        return CanUpdate(turnContext) && !string.IsNullOrEmpty(response?.Id) ? response.Id : null;
    }

    /// <summary>
    /// Shows <paramref name="card"/> in place of the message <paramref name="activityId"/> when possible, otherwise
    /// as a new message. Returns the id of the message now showing the card (null when it cannot be updated).
    /// </summary>
    public async Task<string?> ReplaceAsync(ITurnContext turnContext, string? activityId, IMessageActivity card, CancellationToken cancellationToken)
    {
        if (await TryUpdateAsync(turnContext, activityId, card, cancellationToken).ConfigureAwait(false))
        {
            return activityId;
        }

        return await SendAsync(turnContext, card, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the message <paramref name="activityId"/> with <paramref name="card"/>; false (and logged) when that is not possible.</summary>
    public async Task<bool> TryUpdateAsync(ITurnContext turnContext, string? activityId, IMessageActivity card, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(activityId) || !CanUpdate(turnContext))
        {
            return false;
        }

        card.Id = activityId;
        try
        {
            await turnContext.UpdateActivityAsync(card, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The message may be gone (deleted by the user, too old), the channel may refuse updates, or the connector
            // may not answer in time (ConnectorResilience's timeout). Changing a card is never worth failing the turn
            // for: the caller shows the card anew or leaves the old one.
            logger.LogWarning(exception, "Could not update a card sent earlier.");
            card.Id = null;
            return false;
        }
    }
}
