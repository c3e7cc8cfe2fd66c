using System.Globalization;

namespace BackCare.Bot.Pictures;

/// <summary>
/// <c>dotnet run --project BackCare.Bot -- pictures [FOLDER]</c>: checks poses.json, draws every step picture and
/// writes them to FOLDER (default "pictures") as {set}-{step}.png, with their alt texts, so a content editor can look
/// at a changed pose before anyone chats with it. Runs instead of the bot.
/// </summary>
public static class PicturesCommand
{
    public const string Name = "pictures";

    public static bool IsRequested(IReadOnlyList<string> args) => args is [Name, ..];

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var folder = Path.GetFullPath(args.Count > 1 ? args[1] : Name);
        Directory.CreateDirectory(folder);

        var poses = services.GetRequiredService<PoseBook>();
        var images = services.GetRequiredService<StepImageCache>();
        foreach (var set in poses.Techniques)
        {
            var setId = PoseBook.SetId(set.Technique, set.ForCaution);
            for (var n = 1; n <= set.Steps.Count; n++)
            {
                var image = images.Find(setId, n)!;
                var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{setId}-{n}.png"));
                await File.WriteAllBytesAsync(file, image.Png, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)} ({image.Png.Length:N0} bytes): {image.AltText}")).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync($"{images.Count} pictures in {folder}").ConfigureAwait(false);
        return 0;
    }
}
