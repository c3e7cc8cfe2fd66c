using System.Net;
using System.Text;
using BackCare.Bot.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackCare.Bot.Tests.Reliability;

public sealed class ConnectorRetryHandlerTests
{
    [Fact]
    public async Task Throttling_and_server_errors_are_retried_with_the_same_body_until_it_gets_through()
    {
        var connector = new ScriptedHandler(
            ScriptedHandler.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(30)),
            ScriptedHandler.Status(HttpStatusCode.InternalServerError),
            ScriptedHandler.Refused(),
            ScriptedHandler.Status(HttpStatusCode.OK));
        using var client = Client(connector, maxAttempts: 4);

        using var response = await client.PostAsync("https://connector.test/v3/conversations/c/activities/a", new StringContent("{\"text\":\"hi\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, connector.Bodies.Count);
        Assert.All(connector.Bodies, body => Assert.Equal("{\"text\":\"hi\"}", body));
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_answer_is_returned()
    {
        var connector = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable));
        using var client = Client(connector, maxAttempts: 3);

        using var response = await client.PostAsync("https://connector.test/x", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, connector.Bodies.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task Client_errors_other_than_throttling_are_not_retried(HttpStatusCode status)
    {
        var connector = new ScriptedHandler(ScriptedHandler.Status(status), ScriptedHandler.Status(HttpStatusCode.OK));
        using var client = Client(connector, maxAttempts: 4);

        using var response = await client.PostAsync("https://connector.test/x", new StringContent("{}"));

        Assert.Equal(status, response.StatusCode);
        Assert.Single(connector.Bodies);
    }

    [Fact]
    public async Task A_connector_that_never_answers_times_out_after_the_last_attempt()
    {
        var connector = new ScriptedHandler(ScriptedHandler.Hang());
        using var client = Client(connector, maxAttempts: 2, attemptTimeout: TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAsync<TimeoutException>(() => client.PostAsync("https://connector.test/x", new StringContent("{}")));
        Assert.Equal(2, connector.Bodies.Count);
    }

    private static HttpClient Client(HttpMessageHandler connector, int maxAttempts, TimeSpan? attemptTimeout = null) =>
        new(new ConnectorRetryHandler(NullLogger<ConnectorRetryHandler>.Instance, TimeProvider.System)
        {
            InnerHandler = connector,
            MaxAttempts = maxAttempts,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(5),
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(5),
        });
}
