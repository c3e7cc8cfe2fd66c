using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Hosting;

public static class BotAuthenticationServiceCollectionExtensions
{
    /// <summary>How long a pooled connection to the Bot Connector is kept, so that DNS changes (Azure fails over) are seen.</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Registers BotFrameworkAuthentication: the SDK's ConfigurationBotFrameworkAuthentication, which
    /// reads MicrosoftAppType/Id/Password/TenantId from configuration (an empty id means local mode:
    /// Emulator, tests, no token checks; a set id makes it validate the Bot Connector's tokens), wrapped
    /// in <see cref="ReusingBotFrameworkAuthentication"/> so that replies reuse connector clients.
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services)
    {
        services.AddOptions<ReplyPathOptions>().BindConfiguration(ReplyPathOptions.Section);

        // One pooled handler for every cached connector client. Its connections are recycled after
        // ConnectionLifetime, so the handler itself can live as long as the clients do. No request logging:
        // IHttpClientFactory's writes four Information lines per reply, which at appsettings.json's level
        // would cost more than the reply; a failed send fails the turn, and that is logged.
        // Retried within a 10-second budget, a POST only where it cannot have been delivered (ConnectorResilience).
        services.AddHttpClient(ConnectorClientCache.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = ConnectionLifetime })
            .AddConnectorResilience()
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.AddSingleton<ConnectorClientCache>();

        services.AddSingleton<BotFrameworkAuthentication>(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            if (!sp.GetRequiredService<IOptions<ReplyPathOptions>>().Value.ReuseConnectorClients)
            {
                // Exactly the registration this replaced: no IHttpClientFactory, so the SDK makes a new HttpClient per turn.
                return new ConfigurationBotFrameworkAuthentication(configuration);
            }

            // With IHttpClientFactory the SDK's own clients (the one-off ones, the UserTokenClient when used, skills) share pooled handlers too.
            var sdk = new ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: sp.GetRequiredService<IHttpClientFactory>());
            return new ReusingBotFrameworkAuthentication(sdk, sp.GetRequiredService<ConnectorClientCache>());
        });
        return services;
    }
}
