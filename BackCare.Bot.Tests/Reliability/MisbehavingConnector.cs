using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackCare.Bot.Tests.Reliability;

/// <summary>
/// A Bot Connector on a loopback port that reads every activity the bot POSTs (so each one has been received) and
/// then answers as <see cref="Answer"/> says: accepted, a status with an optional Retry-After, or never.
/// </summary>
public sealed class MisbehavingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _received = new();

    private MisbehavingConnector(WebApplication app)
    {
        _app = app;
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
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new MisbehavingConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", (HttpContext context, string conversationId) => connector.AnswerAsync(context));
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext context, string conversationId) => connector.AnswerAsync(context));
        await app.StartAsync();
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/";
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
