using Microsoft.AspNetCore.Mvc;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace BackCare.Bot.Hosting;

public static class BotEndpoints
{
    /// <summary>Activities larger than this are refused with 413: Teams' own messages are far smaller.</summary>
    public const long MaxActivityBytes = 2 * 1024 * 1024;

    /// <summary>POST /api/messages (the Bot Framework convention) and GET /healthz.</summary>
    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleMessageAsync)
            .WithMetadata(new RequestSizeLimitAttribute(MaxActivityBytes));

        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        return endpoints;
    }

    /// <summary>
    /// Checks the activity first, so what the SDK cannot process (no serviceUrl, conversation or sender)
    /// gets a 400 with a plain reason instead of a 500 or a failed turn; the body is buffered so that
    /// the SDK's adapter reads it again. The turn itself runs to its end though the caller hangs up: a client
    /// that drops (Teams gives up after 15 s and sends the activity again) must not stop a turn half-way, which
    /// would lose its answer and its state; only the host stopping cancels it.
    /// </summary>
    private static async Task HandleMessageAsync(HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        var problem = await ActivityRequestCheck.ProblemAsync(request.Body, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            await response.WriteAsync(problem, cancellationToken).ConfigureAwait(false);
            return;
        }

        request.Body.Position = 0;
        await adapter.ProcessAsync(request, response, bot, lifetime.ApplicationStopping).ConfigureAwait(false);
    }
}
