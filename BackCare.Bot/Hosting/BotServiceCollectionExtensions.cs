using Azure.Storage.Blobs;
using BackCare.Bot.Bots;
using BackCare.Bot.CardRendering;
using BackCare.Bot.Content;
using BackCare.Bot.Dialogs;
using BackCare.Bot.Dialogs.Interruptions;
using BackCare.Bot.Pictures;
using BackCare.Bot.Reminders;
using BackCare.Bot.Routing;
using BackCare.Bot.Routing.Semantic;
using BackCare.Bot.State;
using BackCare.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Hosting;

public static class BotServiceCollectionExtensions
{
    /// <summary>Registers the adapter, state, knowledge, router, dialogs and bot.</summary>
    public static IServiceCollection AddBackCareBot(this IServiceCollection services)
    {
        // The SDK's configuration-driven authentication (empty MicrosoftAppId: local mode, no token checks;
        // a set one: Bot Connector tokens validated), with replies that reuse connector clients.
        services.AddBotFrameworkAuthentication();
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());

        // Checked at start-up, so a bad value stops the bot with the setting named instead of failing later in a background service.
        services.AddOptions<BackCareOptions>()
            .BindConfiguration(BackCareOptions.Section)
            .Validate(
                o => o.ReminderTickSeconds is >= BackCareOptions.MinReminderTickSeconds and <= BackCareOptions.MaxReminderTickSeconds,
                $"{BackCareOptions.Section}:{nameof(BackCareOptions.ReminderTickSeconds)} must be from {BackCareOptions.MinReminderTickSeconds} to {BackCareOptions.MaxReminderTickSeconds}.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddBotStorage();
        // State goes through GuardedStateStorage: ETag-checked saves, and storage failures the error handler can name.
        services.AddSingleton<GuardedStateStorage>();
        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<GuardedStateStorage>()));
        services.AddSingleton(sp => new UserState(sp.GetRequiredService<GuardedStateStorage>()));
        services.AddSingleton<ConversationTurnLock>();
        services.AddSingleton<ActivityClaimMiddleware>();
        // Teams' per-conversation send limits, one pacer for the process (BackCare:SendPacing turns it off).
        services.AddSingleton(_ => new SendPacer());
        services.AddSingleton<SendPacingMiddleware>();
        services.AddSingleton<BackCareState>();

        // Knowledge, cards and routing data are read and validated once, at start-up: a broken file stops the bot with the file named.
        services.AddSingleton(_ => ContentLoader.Load(KnowledgeBase.DefaultDirectory));
        services.AddSingleton(_ => CardCatalog.Load(CardCatalog.DefaultDirectory));
        services.AddSingleton(_ => KeywordRouter.LoadDefault());
        services.AddSemanticRouting();
        services.AddStepPictures();
        services.AddSingleton<BackCareReplies>();
        services.AddSingleton<LocalHelpOnSend>();
        services.AddSingleton<CardMessenger>();
        services.AddHostedService<BotDataStartupCheck>();

        // Movement-break reminders: stored in the same IStorage, sent proactively through the CloudAdapter
        // with the bot's app id (empty in local mode) by a background service on the injected clock.
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<ReminderConversation>();
        services.AddSingleton<StoredDataEraser>();
        services.AddSingleton<IProactiveSender>(sp => new AdapterProactiveSender(
            sp.GetRequiredService<AdapterWithErrorHandler>(),
            sp.GetRequiredService<IConfiguration>()["MicrosoftAppId"] ?? string.Empty));
        // One instance at a time scans for due reminders: a blob lease on Blob storage, a lease row in the others.
        services.AddSingleton<IReminderScanLease>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value is { Kind: StorageKind.Blob, BlobConnectionString: { Length: > 0 } connection } blob
            ? new BlobScanLease(new BlobContainerClient(connection, blob.BlobContainer))
            : new StorageScanLease(sp.GetRequiredService<IStorage>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());

        // Privacy: the "what do you know about me" report and the sweep that deletes expired state.
        services.AddSingleton<Privacy.StoredDataReport>();
        services.AddSingleton<Privacy.StateRetentionSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<Privacy.StateRetentionSweep>());

        services.AddSingleton<WalkthroughDialog>();
        services.AddSingleton<ScreeningDialog>();
        services.AddSingleton<TechniqueDialog>();
        services.AddSingleton<MessageRouter>();
        services.AddSingleton<ConversationMoves>();
        services.AddSingleton<MessageLengthCheck>();
        services.AddSingleton<RedFlagCheck>();
        services.AddSingleton<SafetyQuestionAnswer>();
        services.AddSingleton<PrivacyAndSafetyCommands>();
        services.AddSingleton<EmergencyLock>();
        services.AddSingleton<PainReport>();
        services.AddSingleton<TypedCommands>();
        services.AddSingleton<MenuCommands>();
        services.AddSingleton<CardButtons>();
        services.AddSingleton<InvitedQuestion>();
        services.AddSingleton<WaitingDialogAnswer>();
        services.AddSingleton<RoutedMessage>();
        services.AddSingleton<InterruptionPipeline>();
        services.AddSingleton<MainDialog>();
        services.AddTransient<IBot, BackCareBot>();
        return services;
    }
}
