using BackCare.Bot.DialogEngine;
using BackCare.Bot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Bots;

/// <summary>Welcomes people as they join, then hands every message to the main dialog.</summary>
public sealed class BackCareBot(ConversationState conversationState, UserState userState, MainDialog dialog)
    : DialogBot<MainDialog>(conversationState, userState, dialog)
{
    public const string WelcomeText =
        "Hi, I'm BackCare. I help with a stiff lower back: I check a few safety questions, guide you through gentle " +
        "techniques step by step, answer common questions and share tips to keep your back happy.\n\n" +
        "I give general information, not medical advice. If your pain worries you, see a doctor or physiotherapist.";

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        if (!membersAdded.Any(member => member.Id != botId))
        {
            return;
        }

        await turnContext.SendActivityAsync(MessageFactory.Text(WelcomeText), cancellationToken).ConfigureAwait(false);

        // Shows the menu (or, if a dialog is already running, leaves it be).
        await Dialog.RunAsync(turnContext, DialogStateAccessor, cancellationToken).ConfigureAwait(false);
    }
}
