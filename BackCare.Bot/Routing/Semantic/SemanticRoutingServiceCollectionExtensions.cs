using BackCare.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Routing.Semantic;

public static class SemanticRoutingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISemanticMatcher"/>: the process-wide <see cref="SharedSemanticMatcher"/> over
    /// Content/Data/examples.json, or <see cref="NoSemanticMatcher"/> when BackCare:SemanticRouting is false.
    /// Needs <see cref="BackCareOptions"/> registered (AddBackCareBot does it). The model loads on first resolution.
    /// </summary>
    public static IServiceCollection AddSemanticRouting(this IServiceCollection services)
    {
        services.AddSingleton<ISemanticMatcher>(sp =>
            sp.GetRequiredService<IOptions<BackCareOptions>>().Value.SemanticRouting
                ? SharedSemanticMatcher.Default
                : new NoSemanticMatcher());
        return services;
    }
}
