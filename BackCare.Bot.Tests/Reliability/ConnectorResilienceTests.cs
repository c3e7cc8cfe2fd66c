using System.Net;
using System.Text;
using BackCare.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;

namespace BackCare.Bot.Tests.Reliability;

/// <summary>
/// The connector's retry pipeline on a scripted connector: a POST (a new message) is sent again only where it cannot
/// have arrived, PUT (a card update) also after a 5xx, and no call takes longer than the budget, whatever the connector does.
/// How long the pipeline waits is read from its settings (Polly.Testing), not timed: the waiting itself is Polly's.
/// </summary>
public sealed class ConnectorResilienceTests : IDisposable
{
    private const string Body = "{\"text\":\"hi\"}";

    private readonly ServiceProvider _services;
    private ScriptedHandler _connector = new(ScriptedHandler.Status(HttpStatusCode.OK));

    public ConnectorResilienceTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddHttpClient("connector")
            .ConfigurePrimaryHttpMessageHandler(() => new Forwarding(() => _connector))
            .AddConnectorResilience();
        _services = services.BuildServiceProvider();
    }

    public void Dispose() => _services.Dispose();

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_post_answered_with_a_server_error_is_not_sent_again(HttpStatusCode status)
    {
        // The connector may have delivered the message before it failed: a second POST could show it twice.
        await AssertSentOnceAsync(HttpMethod.Post, status);
    }

    [Fact]
    public async Task A_post_that_times_out_is_not_sent_again()
    {
        await Assert.ThrowsAsync<TimeoutRejectedException>(() => SendAsync(HttpMethod.Post, ScriptedHandler.Hang(), ScriptedHandler.Status(HttpStatusCode.OK)));

        Assert.Single(_connector.Bodies);
    }

    [Fact]
    public void The_pipeline_is_a_total_budget_around_bounded_retries_around_one_attempts_timeout()
    {
        var strategies = Pipeline().Strategies;

        Assert.Equal(3, strategies.Count);
        Assert.Equal(ConnectorResilience.TotalBudget, Assert.IsType<TimeoutStrategyOptions>(strategies[0].Options).Timeout);
        Assert.Equal(ConnectorResilience.MaxRetries, Assert.IsType<RetryStrategyOptions<HttpResponseMessage>>(strategies[1].Options).MaxRetryAttempts);
        Assert.Equal(ConnectorResilience.AttemptTimeout, Assert.IsType<TimeoutStrategyOptions>(strategies[2].Options).Timeout);

        // Every honoured wait fits in the budget with an attempt after it.
        Assert.True(ConnectorResilience.MaxRetryAfter + ConnectorResilience.AttemptTimeout <= ConnectorResilience.TotalBudget);
    }

    [Fact]
    public async Task A_post_that_could_not_connect_or_was_refused_with_429_or_503_and_retry_after_is_sent_again_with_the_same_body()
    {
        using var response = await SendAsync(
            HttpMethod.Post,
            ScriptedHandler.CouldNotConnect(),
            ScriptedHandler.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1)),
            ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(1)),
            ScriptedHandler.Status(HttpStatusCode.OK));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, _connector.Bodies.Count);
        Assert.All(_connector.Bodies, body => Assert.Equal(Body, body));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task The_wait_before_a_retry_is_the_retry_after_the_connector_named(int seconds)
    {
        var retry = Assert.IsType<RetryStrategyOptions<HttpResponseMessage>>(Pipeline().Strategies[1].Options);
        using var response = await ScriptedHandler.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(seconds))(CancellationToken.None);
        var context = ResilienceContextPool.Shared.Get();
        try
        {
            var delay = await retry.DelayGenerator!(new RetryDelayGeneratorArguments<HttpResponseMessage>(context, Outcome.FromResult(response), 0));

            Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    [Fact]
    public async Task Without_a_retry_after_the_wait_is_the_back_off()
    {
        var retry = Assert.IsType<RetryStrategyOptions<HttpResponseMessage>>(Pipeline().Strategies[1].Options);
        using var response = await ScriptedHandler.Status(HttpStatusCode.TooManyRequests)(CancellationToken.None);
        var context = ResilienceContextPool.Shared.Get();
        try
        {
            // Null: the strategy's own exponential back-off from BaseDelay, capped at MaxRetryAfter.
            Assert.Null(await retry.DelayGenerator!(new RetryDelayGeneratorArguments<HttpResponseMessage>(context, Outcome.FromResult(response), 0)));
            Assert.Equal(ConnectorResilience.BaseDelay, retry.Delay);
            Assert.Equal(ConnectorResilience.MaxRetryAfter, retry.MaxDelay);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_retry_after_longer_than_the_budget_allows_is_answered_at_once(HttpStatusCode status)
    {
        using var response = await SendAsync(HttpMethod.Post, ScriptedHandler.Status(status, TimeSpan.FromSeconds(30)), ScriptedHandler.Status(HttpStatusCode.OK));

        Assert.Equal(status, response.StatusCode);
        Assert.Single(_connector.Bodies);
    }

    [Fact]
    public async Task A_card_update_is_retried_after_server_errors_and_a_timeout()
    {
        using var response = await SendAsync(
            HttpMethod.Put,
            ScriptedHandler.Status(HttpStatusCode.InternalServerError),
            ScriptedHandler.Status(HttpStatusCode.BadGateway),
            ScriptedHandler.Hang(),
            ScriptedHandler.Status(HttpStatusCode.OK));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, _connector.Bodies.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task Client_errors_are_not_retried_whatever_the_method(HttpStatusCode status)
    {
        await AssertSentOnceAsync(HttpMethod.Post, status);
        await AssertSentOnceAsync(HttpMethod.Put, status);
    }

    [Theory]
    [InlineData("PUT", "hang")]
    [InlineData("PUT", "500")]
    [InlineData("POST", "429")]
    [InlineData("POST", "refused")]
    public async Task However_the_connector_fails_a_call_is_given_up_after_bounded_retries(string method, string failure)
    {
        var fail = failure switch
        {
            "hang" => ScriptedHandler.Hang(),
            "500" => ScriptedHandler.Status(HttpStatusCode.InternalServerError),
            "429" => ScriptedHandler.Status(HttpStatusCode.TooManyRequests, ConnectorResilience.MaxRetryAfter),
            _ => ScriptedHandler.CouldNotConnect(),
        };

        try
        {
            using var response = await SendAsync(new HttpMethod(method), fail);
            Assert.False(response.IsSuccessStatusCode);
        }
        catch (Exception e) when (e is TimeoutRejectedException or HttpRequestException)
        {
            // Given up on: what the turn then sees.
        }

        Assert.InRange(_connector.Bodies.Count, 2, ConnectorResilience.MaxRetries + 1);
    }

    private static ResiliencePipelineDescriptor Pipeline() =>
        ConnectorResilience.Configure(new ResiliencePipelineBuilder<HttpResponseMessage>(), NullLogger.Instance).Build().GetPipelineDescriptor();

    /// <summary>Sends once to a connector answering <paramref name="status"/> and then 200: the caller gets the status, the connector one request.</summary>
    private async Task AssertSentOnceAsync(HttpMethod method, HttpStatusCode status)
    {
        using var response = await SendAsync(method, ScriptedHandler.Status(status), ScriptedHandler.Status(HttpStatusCode.OK));
        Assert.Equal(status, response.StatusCode);
        Assert.Single(_connector.Bodies);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, params Func<CancellationToken, Task<HttpResponseMessage>>[] script)
    {
        _connector = new ScriptedHandler(script);
        using var client = _services.GetRequiredService<IHttpClientFactory>().CreateClient("connector");
        using var request = new HttpRequestMessage(method, "https://connector.test/v3/conversations/c/activities/a") { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        return await client.SendAsync(request);
    }

    /// <summary>IHttpClientFactory keeps its primary handler; this one hands each request to the current script.</summary>
    private sealed class Forwarding(Func<HttpMessageHandler> current) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var invoker = new HttpMessageInvoker(current(), disposeHandler: false);
            return invoker.SendAsync(request, cancellationToken);
        }
    }
}
