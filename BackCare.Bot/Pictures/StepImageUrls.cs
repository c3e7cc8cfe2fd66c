using BackCare.Bot.Content;
using BackCare.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Pictures;

/// <summary>
/// Where a step card points for its picture. With BackCare:PublicBaseUrl set (the bot's public HTTPS address, as
/// Teams reaches it) the picture's address on this bot (<see cref="StepImageEndpoints"/>), versioned by its hash so a
/// changed picture is fetched anew; without one (the Emulator, the Playground, a local run, which Teams' servers
/// could not reach anyway) the picture itself, as a data URI.
/// </summary>
public sealed class StepImageUrls(StepImageCache images, IOptions<BackCareOptions> options)
{
    private readonly string? _baseUrl = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : options.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>The picture of step <paramref name="index"/> (from 0) of <paramref name="technique"/> as shown; null when it has none.</summary>
    public StepImageReference? For(Technique technique, int index)
    {
        if (images.For(technique, index) is not { } image)
        {
            return null;
        }

        var url = _baseUrl is null
            ? image.DataUri
            : $"{_baseUrl}{StepImageEndpoints.PathOf(StepImageCache.SetOf(technique), index + 1)}?v={image.Version}";
        return new StepImageReference(url, image.AltText);
    }
}
