using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.LoadTest;

/// <summary>The SDK's echo bot sample: a welcome for each member added, and every message said back.</summary>
internal sealed class EchoBot : ActivityHandler
{
    public const string Welcome = "Hello and welcome!";

    public const string ErrorMessage = "The bot encountered an error or bug.";

    public static string EchoOf(string? text) => $"Echo: {text}";

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var replyText = EchoOf(turnContext.Activity.Text);
        await turnContext.SendActivityAsync(MessageFactory.Text(replyText, replyText), cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded.Where(m => m.Id != turnContext.Activity.Recipient.Id))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(Welcome, Welcome), cancellationToken).ConfigureAwait(false);
        }
    }
}
