namespace BackCare.Bot.Pictures;

/// <summary>
/// The step pictures of every technique and adaptation, loaded from poses.json and checked against techniques.json
/// by <see cref="PoseLoader"/>. Immutable and shared.
/// </summary>
public sealed class PoseBook
{
    private readonly Dictionary<string, TechniquePoses> _sets;

    internal PoseBook(IReadOnlyList<TechniquePoses> techniques)
    {
        Techniques = techniques;
        _sets = techniques.ToDictionary(t => SetId(t.Technique, t.ForCaution), StringComparer.Ordinal);
    }

    public IReadOnlyList<TechniquePoses> Techniques { get; }

    /// <summary>
    /// The id of a technique's pictures ("childs-pose"), or of an adaptation's ("childs-pose-for-pregnancy"): the
    /// folder of their address (/images/steps/{set}/{step}.png).
    /// </summary>
    public static string SetId(string techniqueId, string? forCaution) =>
        forCaution is null ? techniqueId : $"{techniqueId}-for-{forCaution}";

    /// <summary>The pictures of a set by its <see cref="SetId"/>; null when there is no such set.</summary>
    public TechniquePoses? Find(string setId) => _sets.GetValueOrDefault(setId);
}
