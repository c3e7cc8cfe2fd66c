using BackCare.Bot.Content;
using BackCare.Bot.Hosting;

namespace BackCare.Bot.Pictures;

public static class PicturesServiceCollectionExtensions
{
    /// <summary>The step pictures: poses.json checked against the techniques, every picture rendered once, and where cards point for them.</summary>
    public static IServiceCollection AddStepPictures(this IServiceCollection services)
    {
        services.AddOptions<BackCareOptions>()
            .Validate(o => PublicBaseUrl.IsValid(o.PublicBaseUrl), $"{BackCareOptions.Section}:{nameof(BackCareOptions.PublicBaseUrl)} must be empty or the bot's public https:// address, without a query.")
            .ValidateOnStart();
        services.AddSingleton(sp => PoseLoader.Load(KnowledgeBase.DefaultDirectory, sp.GetRequiredService<KnowledgeBase>()));
        services.AddSingleton<StepImageCache>();
        services.AddSingleton<StepImageUrls>();
        return services;
    }
}
