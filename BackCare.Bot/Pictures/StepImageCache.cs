using System.Collections.Frozen;
using System.Security.Cryptography;
using BackCare.Bot.Content;

namespace BackCare.Bot.Pictures;

/// <summary>
/// Every step picture, rendered once when this singleton is built (at start-up, by BotDataStartupCheck) and never
/// again: a turn only looks one up. Read-only after construction, so safe for any number of concurrent turns.
/// </summary>
public sealed class StepImageCache
{
    private readonly FrozenDictionary<string, StepImage> _images;

    public StepImageCache(PoseBook poses)
    {
        ArgumentNullException.ThrowIfNull(poses);
        var images = new Dictionary<string, StepImage>(StringComparer.Ordinal);
        foreach (var set in poses.Techniques)
        {
            var setId = PoseBook.SetId(set.Technique, set.ForCaution);
            var frame = PoseFrame.Fit(set.Steps);
            for (var i = 0; i < set.Steps.Count; i++)
            {
                images[Key(setId, i + 1)] = Create(set.Steps[i], frame);
            }
        }

        _images = images.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public int Count => _images.Count;

    /// <summary>The picture of step <paramref name="stepNumber"/> (from 1) of a set (<see cref="PoseBook.SetId"/>); null when there is none.</summary>
    public StepImage? Find(string setId, int stepNumber) => _images.GetValueOrDefault(Key(setId, stepNumber));

    /// <summary>The picture of step <paramref name="index"/> (from 0) of a technique as shown, adapted or not; null when there is none.</summary>
    public StepImage? For(Technique technique, int index)
    {
        ArgumentNullException.ThrowIfNull(technique);
        return Find(SetOf(technique), index + 1);
    }

    /// <summary>The set id of a technique as shown: its own, or its adaptation's.</summary>
    public static string SetOf(Technique technique) => PoseBook.SetId(technique.Id, technique.AdaptedForCaution);

    private static string Key(string setId, int stepNumber) => $"{setId}/{stepNumber}";

    private static StepImage Create(StepPose pose, PoseFrame frame)
    {
        var png = StickFigureRenderer.RenderPng(pose, frame);
        var version = Convert.ToHexStringLower(SHA256.HashData(png))[..16];
        return new StepImage(png, $"\"{version}\"", version, "data:image/png;base64," + Convert.ToBase64String(png), pose.Alt);
    }
}
