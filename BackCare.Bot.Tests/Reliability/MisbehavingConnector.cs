using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using BackCare.Bot.Tests.Hosting;

namespace BackCare.Bot.Tests.Reliability;

/// <summary>
/// A Bot Connector on a loopback port that reads every activity the bot POSTs (so each one has been received) and
/// then answers as <see cref="Answer"/> says: accepted, a status with an optional Retry-After, or never.
/// </summary>
public sealed class MisbehavingConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _received = new();
    private WebApplication _app = null!;

    private MisbehavingConnector()
    {
    }

    /// <summary>What every request is answered with: a status code (200 accepts it), or null never to answer.</summary>
    public int? Status { get; set; } = 200;

    /// <summary>The Retry-After sent with a refusal, in seconds.</summary>
    public int? RetryAfterSeconds { get; set; }

    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>The bodies of every POST that arrived, in order.</summary>
    public IReadOnlyList<string> Received => _received.ToArray();

    public static async Task<MisbehavingConnector> StartAsync()
    {
        var connector = new MisbehavingConnector();
        (connector._app, connector.ServiceUrl) = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", (HttpContext context, string conversationId) => connector.AnswerAsync(context));
            app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext context, string conversationId) => connector.AnswerAsync(context));
        });
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        _received.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
        if (Status is not { } status)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
            return Results.Empty;
        }

        if (status == 200)
        {
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        }

        if (RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.StatusCode(status);
    }
}
