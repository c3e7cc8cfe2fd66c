using BackCare.Bot.CardRendering;
using BackCare.Bot.Content;
using BackCare.Bot.Pictures;
using BackCare.Bot.Recognition;
using BackCare.Bot.Routing;
using BackCare.Bot.Routing.Semantic;

namespace BackCare.Bot.Hosting;

/// <summary>
/// Loads the knowledge, the card templates, the step pictures and the routing data as the host starts, so a broken file
/// stops the bot at once with the file and field named, instead of failing the first user's turn.
/// </summary>
public sealed class BotDataStartupCheck(IServiceProvider services, ILogger<BotDataStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        services.GetRequiredService<CardCatalog>();
        services.GetRequiredService<KeywordRouter>();

        // Checks poses.json and draws every step picture now, once: turns only look them up.
        var pictures = services.GetRequiredService<StepImageCache>();

        // Loads the model and embeds every example now, so a broken examples.json stops the bot at start and the
        // first user does not wait for it.
        services.GetRequiredService<ISemanticMatcher>().Match("warm up");
        PainDurationParser.WarmUp();

        // Loading and quantising the model leaves a few hundred MB of large arrays behind. With the server GC nothing
        // would collect them until memory gets tight, so the bot would sit at that size; one compacting collection
        // now, before the first turn, returns them to the system.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        logger.LogInformation("Loaded {Techniques} techniques, {Answers} answers, {Tips} tips and {Pictures} step pictures", knowledge.Techniques.Count, knowledge.Answers.Count, knowledge.Tips.Count, pictures.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
