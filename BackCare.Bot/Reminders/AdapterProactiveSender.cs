using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Reminders;

/// <summary>
/// Proactive turns through a Bot Framework adapter: the CloudAdapter in the host, with the bot's app id
/// (MicrosoftAppId, empty in local mode), which the connector needs to sign the outgoing call.
/// </summary>
public sealed class AdapterProactiveSender(BotAdapter adapter, string botAppId) : IProactiveSender
{
    public Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        adapter.ContinueConversationAsync(botAppId, reference, callback, cancellationToken);
}
