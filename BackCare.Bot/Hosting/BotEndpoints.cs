using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace BackCare.Bot.Hosting;

public static class BotEndpoints
{
    /// <summary>POST /api/messages (the Bot Framework convention) and GET /healthz.</summary>
    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
            adapter.ProcessAsync(request, response, bot, cancellationToken));

        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        return endpoints;
    }
}
