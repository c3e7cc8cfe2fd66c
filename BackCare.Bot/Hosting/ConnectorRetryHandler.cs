using System.Net;

namespace BackCare.Bot.Hosting;

/// <summary>
/// Retries the bot's calls to the channel's connector (Teams, the Emulator) when it answers 429 or a
/// 5xx, or does not answer in time: a bounded number of times, waiting longer each time (or as long as
/// Retry-After asks, within a cap), and logging each retry. After the last attempt the failure goes to
/// the turn as it is; the process never stops over it.
/// </summary>
public sealed class ConnectorRetryHandler(ILogger<ConnectorRetryHandler> logger, TimeProvider time) : DelegatingHandler
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>No single wait is longer than this, whatever Retry-After says: the user is waiting.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>How long one attempt may take before it counts as a timeout and is retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A retry sends the same request again, so its body must be readable twice. The connector client's
        // JSON bodies are StringContent (a ByteArrayContent) and are; anything else is buffered once here.
        if (request.Content is { } original and not ByteArrayContent)
        {
            var buffered = new ByteArrayContent(await original.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            foreach (var header in original.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Content = buffered;
        }

        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage? response = null;
            Exception? failure = null;
            using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptTimeout.CancelAfter(AttemptTimeout);
                try
                {
                    response = await base.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or OperationCanceledException)
                {
                    failure = e;
                }
            }

            var retryable = failure is not null || response!.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            if (!retryable || attempt >= MaxAttempts)
            {
                if (failure is not null)
                {
                    throw failure is OperationCanceledException
                        ? new TimeoutException($"The connector at {request.RequestUri?.GetLeftPart(UriPartial.Authority)} did not answer in {AttemptTimeout.TotalSeconds} s, {attempt} times.", failure)
                        : failure;
                }

                return response!;
            }

            var delay = DelayBefore(attempt, response);
            Telemetry.BotTelemetry.ConnectorRetry(failure?.GetType().Name ?? ((int)response!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            logger.LogWarning(
                "Connector call {Method} {Host} failed ({Reason}); retry {Retry} of {Retries} in {Delay} ms",
                request.Method,
                request.RequestUri?.Host,
                failure?.GetType().Name ?? ((int)response!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
                attempt,
                MaxAttempts - 1,
                (int)delay.TotalMilliseconds);
            response?.Dispose();
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan DelayBefore(int attempt, HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var asked = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : (TimeSpan?)null);
        var backoff = BaseDelay * Math.Pow(2, attempt - 1);

        // A little jitter so that many conversations throttled together do not retry together.
        var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Max(1, BaseDelay.TotalMilliseconds / 2)));
        var delay = (asked is { } a && a > backoff ? a : backoff) + jitter;
        return delay > MaxDelay ? MaxDelay : delay;
    }
}
