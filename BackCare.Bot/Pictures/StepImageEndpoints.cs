using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace BackCare.Bot.Pictures;

/// <summary>
/// GET /images/steps/{set}/{step}.png: a step picture, for clients that fetch a card's images by address (Teams).
/// Public, as image fetches carry no bot token; cached a day by clients and proxies, and revalidated by its ETag
/// (304 when unchanged). An unknown set or step is a 404.
/// </summary>
public static class StepImageEndpoints
{
    public const string CacheControl = "public, max-age=86400";

    public static string PathOf(string setId, int stepNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"/images/steps/{setId}/{stepNumber}.png");

    public static IEndpointRouteBuilder MapStepImages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/images/steps/{set}/{step:int}.png", (string set, int step, StepImageCache images, HttpResponse response) =>
        {
            if (images.Find(set, step) is not { } image)
            {
                return Results.NotFound();
            }

            response.Headers.CacheControl = CacheControl;

            // Results.File answers If-None-Match with 304 itself, from the entity tag.
            return Results.File(image.Png, "image/png", entityTag: new EntityTagHeaderValue(image.ETag));
        });
        return endpoints;
    }
}
