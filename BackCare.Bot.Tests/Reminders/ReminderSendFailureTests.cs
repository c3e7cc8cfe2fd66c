using System.Net;
using BackCare.Bot.Reminders;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;

namespace BackCare.Bot.Tests.Reminders;

/// <summary>
/// A reminder the connector refuses, sent through the real proactive sender over an adapter whose turn error handler
/// would tell the user "something went wrong" and clear their conversation: it must never be reached.
/// </summary>
public sealed class ReminderSendFailureTests
{
    private const string ConversationKey = "msteams/conversations/conversation-user1";

    private static readonly DateTimeOffset Ten = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task A_403_or_404_ends_the_subscription_and_tells_the_user_nothing(HttpStatusCode status)
    {
        var adapter = new FailingSendAdapter { FailWith = status };
        await using var harness = new BotHarness(configure: services => services.AddSingleton<IProactiveSender>(new AdapterProactiveSender(adapter, string.Empty)));
        await harness.SayAsync("remind me every hour");
        var stateBefore = await ConversationStateAsync(harness);

        Assert.Empty(await harness.TickRemindersUntilAsync(Ten));

        Assert.Single(adapter.Attempted); // the card only: no error message after it
        Assert.Equal(0, adapter.ErrorHandlerCalls);
        Assert.Equal(stateBefore, await ConversationStateAsync(harness));
        var store = new ReminderStore(harness.Storage);
        Assert.Null(await store.GetAsync(ReminderStore.KeyFor("msteams", "user1"), CancellationToken.None));
        Assert.DoesNotContain(ReminderStore.KeyFor("msteams", "user1"), await store.ListKeysAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_500_keeps_the_subscription_tells_the_user_nothing_and_the_next_reminder_comes()
    {
        var adapter = new FailingSendAdapter { FailWith = HttpStatusCode.InternalServerError };
        await using var harness = new BotHarness(configure: services => services.AddSingleton<IProactiveSender>(new AdapterProactiveSender(adapter, string.Empty)));
        await harness.SayAsync("remind me every hour");
        var stateBefore = await ConversationStateAsync(harness);

        Assert.Empty(await harness.TickRemindersUntilAsync(Ten));

        Assert.Single(adapter.Attempted);
        Assert.Empty(adapter.Delivered);
        Assert.Equal(0, adapter.ErrorHandlerCalls);
        Assert.Equal(stateBefore, await ConversationStateAsync(harness));
        var subscription = await new ReminderStore(harness.Storage).GetAsync(ReminderStore.KeyFor("msteams", "user1"), CancellationToken.None);
        Assert.NotNull(subscription);
        Assert.Equal(Ten.AddHours(1), subscription.NextDueUtc);

        adapter.FailWith = null;
        var sent = 0;
        while (harness.Time.GetUtcNow() < Ten.AddHours(1))
        {
            // Sent through this test's adapter, not the harness's, so counted here.
            harness.Time.Advance(TimeSpan.FromMinutes(1));
            sent += await harness.Reminders.SendDueAsync(CancellationToken.None);
        }

        Assert.Equal(1, sent);
        Assert.Single(adapter.Delivered);
    }

    /// <summary>The stored conversation state as JSON; it must exist, so comparing it can fail.</summary>
    private static async Task<string> ConversationStateAsync(BotHarness harness)
    {
        var items = await harness.Storage.ReadAsync([ConversationKey], CancellationToken.None);
        Assert.True(items.TryGetValue(ConversationKey, out var state), "The conversation has no stored state to compare.");
        return JsonConvert.SerializeObject(state);
    }
}
