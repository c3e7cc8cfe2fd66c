using System.Diagnostics;
using BackCare.Bot.Reminders;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Telemetry;

/// <summary>Proactive turns (the reminders) as spans and a count by outcome.</summary>
public sealed class CountedProactiveSender(IProactiveSender inner) : IProactiveSender
{
    public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        using var span = BotTelemetry.Source.StartActivity("reminder send", ActivityKind.Producer);
        try
        {
            await inner.ContinueConversationAsync(reference, callback, cancellationToken).ConfigureAwait(false);
            BotTelemetry.ReminderSent("sent");
        }
        catch (Exception e)
        {
            BotTelemetry.ReminderSent(e is OperationCanceledException ? "cancelled" : "failed");
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            span?.SetTag("error.type", e.GetType().FullName);
            throw;
        }
    }
}
