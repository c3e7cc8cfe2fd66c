using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Reminders;

/// <summary>Starts a turn in a stored conversation, outside any incoming message (a proactive message).</summary>
public interface IProactiveSender
{
    Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken);
}
