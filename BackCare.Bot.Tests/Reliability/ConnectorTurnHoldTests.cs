using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using BackCare.Bot.Hosting;
using BackCare.Bot.Tests.Hosting;
using BackCare.Bot.Tests.Http;
using BackCare.Bot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BackCare.Bot.Tests.Reliability;

/// <summary>
/// The hosted bot in normal delivery, its replies going to a connector that misbehaves: how long the turn (which
/// holds its conversation's lock) lasts, and how many times the same message reached the connector.
/// </summary>
public sealed class ConnectorTurnHoldTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(null, null)]
    [InlineData(500, null)]
    [InlineData(503, 30)]
    [InlineData(429, 30)]
    [InlineData(429, 4)]
    public async Task A_misbehaving_connector_holds_a_turn_for_at_most_one_budget(int? status, int? retryAfterSeconds)
    {
        await using var connector = await FakeConnector.StartAsync();
        using var factory = new BotApplicationFactory();
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(3);

        // A first turn while the connector is well, so that the host's start is not counted.
        using (await PostAsync(client, connector, "hi"))
        {
        }

        connector.Status = status;
        connector.RetryAfterSeconds = retryAfterSeconds;
        var before = connector.Requests.Count;
        var clock = Stopwatch.StartNew();

        using var response = await PostAsync(client, connector, "hi");

        output.WriteLine($"connector {status?.ToString(CultureInfo.InvariantCulture) ?? "never answers"}, Retry-After {retryAfterSeconds}: turn held {clock.Elapsed.TotalSeconds:F1} s, {connector.Requests.Count - before} POSTs");

        // One budget, not two: the reply's attempts only, and no error message sent through the failed connector.
        var posts = connector.Requests.Skip(before).ToList();
        Assert.InRange(posts.Count, 1, ConnectorResilience.MaxRetries + 1);
        Assert.DoesNotContain(posts, post => BackCare.Bot.Hosting.TurnErrorHandler.IsErrorReply(factory.Services.GetRequiredService<BackCare.Bot.Content.KnowledgeBase>().Messages, post.Text));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task A_reply_the_connector_received_and_answered_500_is_not_sent_again()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.Status = 500;
        using var factory = new BotApplicationFactory();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, connector, "hi");

        // The menu reply arrived once, and no error message follows a connector that answered 500.
        var texts = connector.Requests.Select(post => post.Text).Where(text => text is not null).ToList();
        Assert.NotEmpty(texts);
        Assert.Equal(texts.Distinct().Count(), texts.Count);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, FakeConnector connector, string text)
    {
        var activity = NormalDeliveryTests.Activity(connector.ServiceUrl, Guid.NewGuid().ToString(), Guid.NewGuid().ToString("N"), text);
        return client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
    }
}
