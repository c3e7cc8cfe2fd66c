using BackCare.Bot.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackCare.Bot.LoadTest;

/// <summary>
/// The baseline: <see cref="EchoBot"/> hosted the way the SDK's samples host a bot, with nothing
/// reused: ConfigurationBotFrameworkAuthentication and a plain CloudAdapter, so every turn gets the
/// SDK's new connector client (and, with no IHttpClientFactory registered, a new HttpClient).
/// </summary>
internal static class EchoBotHost
{
    public const string Command = "echo-bot";

    /// <summary>This program, started as the echo bot in a child process of its own.</summary>
    public static BotProcessStart Start(string name) => new()
    {
        Name = name,
        Assembly = Path.Combine(AppContext.BaseDirectory, "BackCare.Bot.LoadTest.dll"),
        Arguments = [Command],
        OutputLinesKept = LoadRunner.RecentLinesKept,
    };

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
        // A factory: .NET's DI finds CloudAdapter's two public constructors ambiguous.
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<CloudAdapter>>())
        {
            OnTurnError = async (turnContext, exception) =>
            {
                sp.GetRequiredService<ILogger<EchoBot>>().LogError(exception, "Echo bot turn failed");
                await turnContext.SendActivityAsync(EchoBot.ErrorMessage).ConfigureAwait(false);
            },
        });
        builder.Services.AddTransient<IBot, EchoBot>();

        var app = builder.Build();
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
            adapter.ProcessAsync(request, response, bot, cancellationToken));
        app.MapGet("/healthz", () => Results.Text("ok"));
        await app.RunAsync().ConfigureAwait(false);
    }
}
