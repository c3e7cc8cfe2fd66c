using BackCare.Bot.Content;
using BackCare.Bot.Pictures;

namespace BackCare.Bot.Tests.Pictures;

/// <summary>Every step of every technique and adaptation, as the card shows it, and the pictures drawn once for the test run.</summary>
public static class PictureSteps
{
    private static readonly Lazy<KnowledgeBase> SharedKnowledge = new(() => ContentLoader.Load(KnowledgeBase.DefaultDirectory));
    private static readonly Lazy<StepImageCache> SharedCache = new(() => new StepImageCache(PoseLoader.Load(KnowledgeBase.DefaultDirectory, Knowledge)));

    public static KnowledgeBase Knowledge => SharedKnowledge.Value;

    public static StepImageCache Cache => SharedCache.Value;

    /// <summary>Each technique as written and as adapted for each of its cautions.</summary>
    public static IEnumerable<Technique> AsShown() =>
        Knowledge.Techniques.SelectMany(t => t.Adaptations.Select(a => t.AdaptedFor([a.ForCaution])).Prepend(t));

    /// <summary>(technique id, caution or "", step index) for every step a walkthrough can show.</summary>
    public static TheoryData<string, string, int> All()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var technique in AsShown())
        {
            for (var i = 0; i < technique.Steps.Count; i++)
            {
                data.Add(technique.Id, technique.AdaptedForCaution ?? string.Empty, i);
            }
        }

        return data;
    }

    public static Technique Find(string techniqueId, string caution)
    {
        var technique = Knowledge.FindTechnique(techniqueId)!;
        return caution.Length == 0 ? technique : technique.AdaptedFor([caution]);
    }
}
