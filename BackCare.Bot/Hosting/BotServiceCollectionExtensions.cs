using BackCare.Bot.Bots;
using BackCare.Bot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace BackCare.Bot.Hosting;

public static class BotServiceCollectionExtensions
{
    /// <summary>Registers the adapter, state, dialogs and bot.</summary>
    public static IServiceCollection AddBackCareBot(this IServiceCollection services)
    {
        // Reads MicrosoftAppType/Id/Password/TenantId from configuration: empty id means local mode
        // (Emulator, tests, no token checks); a set id makes the SDK validate Bot Connector tokens.
        services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());

        services.AddSingleton<IStorage, MemoryStorage>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();

        services.AddSingleton<MainDialog>();
        services.AddTransient<IBot, BackCareBot>();
        return services;
    }
}
