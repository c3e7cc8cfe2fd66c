using System.Net;
using System.Text;
using BackCare.Bot.Content;
using BackCare.Bot.Hosting;
using BackCare.Bot.Tests.Http;
using BackCare.Bot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Hosting;

/// <summary>
/// Normal delivery, the mode Teams and the Emulator use: the bot answers the POST with 200 and sends
/// its replies to {serviceUrl}/v3/conversations/{id}/activities/{replyToId}, here a fake connector.
/// </summary>
public sealed class NormalDeliveryTests
{
    [Fact]
    public async Task Replies_reach_the_connector_addressed_to_the_conversation_and_the_activity_they_answer()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var factory = new BotApplicationFactory();
        using var client = factory.CreateClient();
        var messages = factory.Services.GetRequiredService<KnowledgeBase>().Messages;
        var conversationId = Guid.NewGuid().ToString();

        await PostAsync(client, Activity(connector, conversationId, "turn-1", "hi"));
        await PostAsync(client, Activity(connector, conversationId, "turn-2", messages.MenuTips));

        var replies = connector.Replies.Where(r => r.Type == "message").ToList();
        Assert.Equal(2, replies.Count);
        Assert.All(replies, r => Assert.Equal(conversationId, r.ConversationId));
        Assert.Equal(("turn-1", messages.MenuPrompt), (replies[0].ReplyToId, replies[0].Text));
        Assert.Equal("turn-2", replies[1].ReplyToId);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)replies[1].Activity["attachments"]![0]!["contentType"]);
        // The SDK's default headers are still sent.
        Assert.All(replies, r => Assert.Contains("Microsoft-BotFramework/3.1", r.UserAgent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Turns_on_one_serviceUrl_reuse_one_connector_client_and_one_connection()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var factory = new BotApplicationFactory();
        using var client = factory.CreateClient();
        var conversationId = Guid.NewGuid().ToString();

        for (var turn = 1; turn <= 3; turn++)
        {
            await PostAsync(client, Activity(connector, conversationId, $"turn-{turn}", "hi"));
        }

        Assert.Equal(3, connector.Replies.Count(r => r.Type == "message"));
        Assert.Equal(1, factory.Services.GetRequiredService<ConnectorClientCache>().Count);
        Assert.Single(connector.Replies.Select(r => r.ConnectionId).Distinct());
    }

    [Fact]
    public async Task Without_reuse_the_SDK_opens_a_new_connection_for_every_turn()
    {
        // The "before": what the reuse saves. Kept as a test so that a change in the SDK's behaviour shows up here.
        await using var connector = await FakeConnector.StartAsync();
        using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["BackCare:ReuseConnectorClients"] = "false" });
        using var client = factory.CreateClient();
        var conversationId = Guid.NewGuid().ToString();

        for (var turn = 1; turn <= 3; turn++)
        {
            await PostAsync(client, Activity(connector, conversationId, $"turn-{turn}", "hi"));
        }

        Assert.Equal(3, connector.Replies.Count(r => r.Type == "message"));
        Assert.Equal(3, connector.Replies.Select(r => r.ConnectionId).Distinct().Count());
    }

    [Fact]
    public async Task Concurrent_conversations_each_get_all_their_replies()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var factory = new BotApplicationFactory();
        var conversations = Enumerable.Range(0, 16).Select(_ => Guid.NewGuid().ToString()).ToList();

        await Task.WhenAll(conversations.Select(async conversationId =>
        {
            using var client = factory.CreateClient();
            for (var turn = 1; turn <= 3; turn++)
            {
                await PostAsync(client, Activity(connector, conversationId, $"{conversationId}-{turn}", "hi"));
            }
        }));

        var byConversation = connector.Replies.Where(r => r.Type == "message").GroupBy(r => r.ConversationId).ToDictionary(g => g.Key, g => g.Select(r => r.ReplyToId).ToList());
        Assert.Equal(conversations.Order(), byConversation.Keys.Order());
        Assert.All(conversations, id => Assert.Equal([$"{id}-1", $"{id}-2", $"{id}-3"], byConversation[id]));
        Assert.Equal(1, factory.Services.GetRequiredService<ConnectorClientCache>().Count);
    }

    internal static JObject Activity(FakeConnector connector, string conversationId, string activityId, string text) =>
        Activity(connector.ServiceUrl, conversationId, activityId, text);

    internal static JObject Activity(string serviceUrl, string conversationId, string activityId, string text) => new()
    {
        ["type"] = "message",
        ["id"] = activityId,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JObject { ["id"] = "user-" + conversationId, ["name"] = "User" },
        ["recipient"] = new JObject { ["id"] = "bot", ["name"] = "BackCare" },
        ["conversation"] = new JObject { ["id"] = conversationId },
        ["text"] = text,
    };

    internal static async Task PostAsync(HttpClient client, JObject activity)
    {
        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        // Normal delivery: 200 with an empty body, the replies having gone to the connector before it.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }
}
