using BackCare.Bot.CardRendering;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.Reminders;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Benchmarks;

/// <summary>
/// The reminder tick as it was before issue 11 (commit d50c0f3), step for step over the same IStorage, so one run can
/// show before and after side by side: read the key index, read every subscription one by one, and for each due one
/// claim it (a write, then a read of the whole key index) and send it, one at a time.
/// </summary>
internal sealed class LegacyReminderTick(IStorage storage, IProactiveSender sender, BackCareReplies replies, TimeProvider time)
{
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var key in (await ReadIndexAsync(cancellationToken).ConfigureAwait(false)).Keys)
        {
            var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
            if (!items.TryGetValue(key, out var value) || StateValue.To<ReminderSubscription>(value) is not { Stopped: false } subscription || subscription.NextDueUtc > now)
            {
                continue;
            }

            var card = ReminderScheduler.Advance(subscription, now, replies);
            await storage.WriteAsync(new Dictionary<string, object> { [key] = subscription }, cancellationToken).ConfigureAwait(false);
            if (!(await ReadIndexAsync(cancellationToken).ConfigureAwait(false)).Keys.Contains(key) || card is null)
            {
                continue;
            }

            await sender.ContinueConversationAsync(subscription.Reference, (turnContext, ct) => turnContext.SendActivityAsync(card, ct), cancellationToken).ConfigureAwait(false);
            sent++;
        }

        return sent;
    }

    private async Task<ReminderIndex> ReadIndexAsync(CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([ReminderStore.IndexKey], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(ReminderStore.IndexKey, out var value) && StateValue.To<ReminderIndex>(value) is { } index ? index : new ReminderIndex();
    }
}
