using BackCare.Bot.Content;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.Dialogs;
using BackCare.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Bots;

/// <summary>Welcomes people as they join, then hands every message to the main dialog.</summary>
public sealed class BackCareBot(BackCareState state, MainDialog dialog, KnowledgeBase knowledge)
    : DialogBot<MainDialog>(state, dialog)
{
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        if (!membersAdded.Any(member => member.Id != botId))
        {
            return;
        }

        await turnContext.SendActivityAsync(MessageFactory.Text(knowledge.Messages.Welcome), cancellationToken).ConfigureAwait(false);

        // Shows the menu (or, if a dialog is already running, leaves it be).
        await Dialog.RunAsync(turnContext, State.DialogState, cancellationToken).ConfigureAwait(false);
    }
}
