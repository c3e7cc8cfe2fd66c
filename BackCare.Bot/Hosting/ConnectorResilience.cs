using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace BackCare.Bot.Hosting;

/// <summary>
/// How the bot's calls to the channel's connector (Teams, the Emulator) are retried, with Polly 8 through
/// IHttpClientFactory. A turn holds its conversation's lock while it sends, so one call gets
/// <see cref="TotalBudget"/> in all, retries and waits included. A POST creates a message, so it is sent again
/// only when it cannot have arrived: the connection could not be made, or the connector refused it (429, or 503
/// with Retry-After). A POST that timed out or met another 5xx may have been delivered, and sending it again would
/// show the user the message twice. GET, PUT (card updates) and DELETE change nothing when repeated, so they are
/// also retried after a timeout or a 5xx.
/// </summary>
public static class ConnectorResilience
{
    public const string PipelineName = "connector";

    /// <summary>The most one connector call may take, every attempt and wait included.</summary>
    public static readonly TimeSpan TotalBudget = TimeSpan.FromSeconds(10);

    /// <summary>How long one attempt may take: the connector answers in well under a second when it is well.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(4);

    /// <summary>The longest Retry-After honoured; a connector asking for more is answered with its own refusal, at once.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(4);

    public const int MaxRetries = 3;

    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(300);

    /// <summary>Adds the connector's resilience pipeline to <paramref name="builder"/>.</summary>
    public static IHttpClientBuilder AddConnectorResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConnectorResilience).FullName!);
            Configure(pipeline, logger);
        });
        return builder;
    }

    /// <summary>The pipeline: a total budget around bounded retries around a per-attempt timeout.</summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(logger);
        return pipeline
            .AddTimeout(TotalBudget)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = BaseDelay,
                MaxDelay = MaxRetryAfter,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context.GetRequestMessage()?.Method, args.Outcome)),

                // Retry-After when the connector names a wait (ShouldRetry has checked that it fits); else the back-off.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response) : null),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    logger.LogWarning(
                        "Connector call {Method} {Host} failed ({Reason}); retry {Retry} of {Retries} in {Delay} ms",
                        request?.Method,
                        request?.RequestUri?.Host,
                        args.Outcome.Exception?.GetType().Name ?? ((int)args.Outcome.Result!.StatusCode).ToString(CultureInfo.InvariantCulture),
                        args.AttemptNumber + 1,
                        MaxRetries,
                        (int)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(AttemptTimeout);
    }

    /// <summary>Whether a call that ended with <paramref name="outcome"/> may be sent again (see the class summary).</summary>
    public static bool ShouldRetry(HttpMethod? method, Outcome<HttpResponseMessage> outcome)
    {
        var repeatable = method is not null && (method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Head || method == HttpMethod.Options);
        if (outcome.Exception is { } exception)
        {
            return CouldNotConnect(exception) || (repeatable && exception is HttpRequestException or TimeoutRejectedException);
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        var retryAfter = RetryAfter(response);
        if (retryAfter > MaxRetryAfter)
        {
            // Waiting that long would hold the conversation past the budget: the refusal goes to the turn now.
            return false;
        }

        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => true,
            HttpStatusCode.ServiceUnavailable => repeatable || retryAfter is not null,
            HttpStatusCode.RequestTimeout => repeatable,
            >= HttpStatusCode.InternalServerError => repeatable,
            _ => false,
        };
    }

    /// <summary>The wait the connector asked for, as a delay or a date; null when it named none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>The request never reached the connector: refused, unreachable, no such host, or the TLS handshake failed.</summary>
    private static bool CouldNotConnect(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => true,
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostNotFound } } => true,
        _ => false,
    };
}
