using BackCare.Bot.Hosting;
using BackCare.Bot.Reminders;
using BackCare.Bot.Tests.Http;
using BackCare.Bot.TestSupport;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace BackCare.Bot.Tests.Hosting;

/// <summary>
/// Pacing in the hosted bot's own adapter, replies going to a fake Bot Connector, with windows that slide only when
/// the test slides them: proactive turns (reminders) are paced as replies are, a conversation waiting for its
/// window holds up no other, and BackCare:SendPacing=false turns it off.
/// </summary>
public sealed class SendPacingInHostTests
{
    private static readonly SendLimit Limit = new(7, TimeSpan.FromSeconds(1));

    private readonly ManualWindows _windows = new();

    [Fact]
    public async Task A_proactive_reminder_waits_for_its_conversations_window_while_another_conversations_turn_goes_through()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var pacer = new SendPacer([Limit], _windows.Create);
        using var factory = Host(pacer);
        using var client = factory.CreateClient();
        var reminded = Guid.NewGuid().ToString();
        var other = Guid.NewGuid().ToString();

        // Seven sends just went to the reminded conversation: its window is full.
        for (var send = 0; send < 7; send++)
        {
            using var lease = await pacer.AcquireAsync(reminded, CancellationToken.None);
        }

        // What ReminderScheduler does: a proactive turn through the host's adapter (IProactiveSender), which sends a card.
        var reminder = factory.Services.GetRequiredService<IProactiveSender>().ContinueConversationAsync(
            Reference(connector, reminded),
            (turnContext, cancellationToken) => turnContext.SendActivityAsync("Time to move", cancellationToken: cancellationToken),
            CancellationToken.None);
        await _windows[reminded, Limit].Waiting;

        await NormalDeliveryTests.PostAsync(client, NormalDeliveryTests.Activity(connector, other, "other-1", "hi"));

        Assert.False(reminder.IsCompleted);
        Assert.Equal([other], connector.Replies.Select(r => r.ConversationId).Distinct());

        _windows[reminded, Limit].Slide(1);
        await reminder;

        Assert.Equal("Time to move", Assert.Single(connector.Replies, r => r.ConversationId == reminded).Text);
    }

    [Fact]
    public async Task With_SendPacing_false_the_adapter_sends_without_waiting()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var pacer = new SendPacer([Limit], _windows.Create);
        using var factory = Host(pacer, new Dictionary<string, string?> { ["BackCare:SendPacing"] = "false" });
        using var client = factory.CreateClient();
        var conversation = Guid.NewGuid().ToString();
        for (var send = 0; send < 7; send++)
        {
            using var lease = await pacer.AcquireAsync(conversation, CancellationToken.None);
        }

        await NormalDeliveryTests.PostAsync(client, NormalDeliveryTests.Activity(connector, conversation, "turn-1", "hi"));

        Assert.Single(connector.Replies, r => r.ConversationId == conversation && r.Type == ActivityTypes.Message);
        Assert.Equal(7, _windows[conversation, Limit].Used);
    }

    /// <summary>The bot in memory with <paramref name="pacer"/> in place of Teams' limits.</summary>
    private static BotApplicationFactory Host(SendPacer pacer, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(settings ?? new Dictionary<string, string?>(), services => services.AddSingleton(pacer));

    private static ConversationReference Reference(FakeConnector connector, string conversationId) => new()
    {
        ChannelId = Channels.Msteams,
        ServiceUrl = connector.ServiceUrl,
        Conversation = new ConversationAccount(id: conversationId),
        User = new ChannelAccount("user-" + conversationId, "User"),
        Bot = new ChannelAccount("bot", "BackCare"),
    };
}
