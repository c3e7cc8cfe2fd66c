using BackCare.Bot.Content;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.Dialogs;
using BackCare.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Bots;

/// <summary>
/// Welcomes people once as they join or install the bot, then hands every message to the main dialog; forgets
/// them when they uninstall it.
/// </summary>
public sealed class BackCareBot(BackCareState state, MainDialog dialog, KnowledgeBase knowledge, LocalHelpOnSend localHelp, StoredDataEraser eraser)
    : DialogBot<MainDialog>(state, dialog, localHelp)
{
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // The bot removed from the chat (Teams sends this with the uninstall's installationUpdate, and alone when the
        // chat's app is removed some other way): nothing of it may stay behind, as after "forget me".
        if (turnContext.Activity.MembersRemoved?.Any(member => member.Id == turnContext.Activity.Recipient?.Id) == true)
        {
            await eraser.EraseAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }

        // A person joining, or, in Teams, the bot itself being added to the user's personal chat (the install;
        // the SDK's OnMembersAddedAsync is only called when someone other than the bot joins).
        var activity = turnContext.Activity;
        var added = activity.MembersAdded ?? [];
        var personJoined = added.Any(member => member.Id != activity.Recipient?.Id);
        var botInstalledInTeams = activity.ChannelId == Channels.Msteams && added.Any(member => member.Id == activity.Recipient?.Id);
        if (personJoined || botInstalledInTeams)
        {
            await WelcomeOnceAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override string ExecuteAcknowledgement => knowledge.Messages.CardActionTaken;

    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        WelcomeOnceAsync(turnContext, cancellationToken);

    /// <summary>
    /// The app uninstalled ("remove"), or an upgrade to a version without the bot ("remove-upgrade"): the user's data
    /// goes, as after "forget me". Nothing is sent: the chat is closed to the bot.
    /// </summary>
    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        eraser.EraseAsync(turnContext, cancellationToken);

    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var conversation = await State.GetConversationAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (conversation.Welcomed)
        {
            return;
        }

        // Claimed before it is sent: when Teams' conversationUpdate and installationUpdate reach two instances at once,
        // the second save of a new conversation is refused (GuardedStateStorage), so only one of them welcomes.
        conversation.Welcomed = true;
        await State.ConversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);

        // Read back what was saved, with its new ETag, so the end of the turn saves against that version: a turn
        // another instance saves meanwhile (the user's first message) then wins over this one instead of being lost.
        await State.ConversationState.LoadAsync(turnContext, true, cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(MessageFactory.Text(knowledge.Messages.Welcome), cancellationToken).ConfigureAwait(false);

        // Shows the menu (or, if a dialog is already running, leaves it be).
        await Dialog.RunAsync(turnContext, State.DialogState, cancellationToken).ConfigureAwait(false);
    }
}
