using System.Net;

namespace BackCare.Bot.Tests.Reliability;

/// <summary>An HTTP handler that answers from a script, one entry per attempt, and records what it was sent.</summary>
public sealed class ScriptedHandler(params Func<CancellationToken, Task<HttpResponseMessage>>[] script) : HttpMessageHandler
{
    public List<string> Bodies { get; } = [];

    public static Func<CancellationToken, Task<HttpResponseMessage>> Status(HttpStatusCode status, TimeSpan? retryAfter = null) => _ =>
    {
        var response = new HttpResponseMessage(status);
        if (retryAfter is { } delay)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delay);
        }

        return Task.FromResult(response);
    };

    /// <summary>What SocketsHttpHandler throws when the connection is refused: the request never left.</summary>
    public static Func<CancellationToken, Task<HttpResponseMessage>> CouldNotConnect() =>
        _ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");

    public static Func<CancellationToken, Task<HttpResponseMessage>> Hang() => async cancellationToken =>
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Bodies.Add(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
        var step = script[Math.Min(Bodies.Count - 1, script.Length - 1)];
        return await step(cancellationToken);
    }
}
