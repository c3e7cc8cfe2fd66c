using System.Net;
using System.Text;
using BackCare.Bot.Content;
using BackCare.Bot.Tests.Http;
using BackCare.Bot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BackCare.Bot.Tests.Reliability;

/// <summary>A throttled or failing channel connector in normal delivery: bounded retries, never a crash.</summary>
public sealed class ConnectorFaultTests
{
    [Fact]
    public async Task A_throttled_connector_gets_the_reply_after_retries()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.Failures.Enqueue(429);
        connector.Failures.Enqueue(429);
        using var factory = new BotApplicationFactory();
        using var client = factory.CreateClient();
        var messages = factory.Services.GetRequiredService<KnowledgeBase>().Messages;

        using var response = await PostAsync(client, connector, Guid.NewGuid().ToString(), "hi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Two refused attempts, then every activity of the turn (the Emulator also gets the router's trace) went through.
        Assert.Equal(connector.Replies.Count + 2, connector.Attempts);
        Assert.Equal(messages.MenuPrompt, Assert.Single(connector.Replies, r => r.Type == "message").Activity["text"]?.ToString());
    }

    [Fact]
    public async Task A_connector_that_keeps_failing_is_given_up_on_and_the_bot_stays_healthy()
    {
        await using var connector = await FakeConnector.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            connector.Failures.Enqueue(500);
        }

        using var factory = new BotApplicationFactory();
        using var client = factory.CreateClient();
        var conversationId = Guid.NewGuid().ToString();

        using var failed = await PostAsync(client, connector, conversationId, "hi");
        var attempts = connector.Attempts;
        connector.Failures.Clear();
        using var health = await client.GetAsync("/healthz");
        using var recovered = await PostAsync(client, connector, conversationId, "hi");

        Assert.NotEqual(HttpStatusCode.InternalServerError, failed.StatusCode);
        // The reply once (a POST answered 500 may have been delivered, so it is not sent again) and no error message
        // through a connector that just failed.
        Assert.Equal(1, attempts);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Contains(connector.Replies, r => r.Type == "message");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, FakeConnector connector, string conversationId, string text)
    {
        var activity = MessagesEndpointTests.Activity("message", text, conversationId);
        activity.Remove("deliveryMode");
        activity["serviceUrl"] = connector.ServiceUrl;
        return await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
    }
}
