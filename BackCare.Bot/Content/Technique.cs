using System.Text.Json.Serialization;

namespace BackCare.Bot.Content;

/// <summary>A self-care technique the bot can walk someone through, step by step.</summary>
public sealed record Technique(
    string Id,
    string Name,
    string Summary,
    string WhereAndWhen,
    IReadOnlyList<string> Equipment,
    IReadOnlyList<TechniqueStep> Steps,
    IReadOnlyList<string> Cautions,
    IReadOnlyList<string> Tags,
    IReadOnlyList<TechniqueAdaptation> Adaptations)
{
    /// <summary>The caution this is the adapted form for (set by <see cref="AdaptedFor"/>); null for the technique as written.</summary>
    [JsonIgnore]
    public string? AdaptedForCaution { get; init; }

    /// <summary>The routing id, "technique:" + <see cref="Id"/>.</summary>
    public string RoutingId => "technique:" + Id;

    /// <summary>
    /// This technique as someone with <paramref name="cautionIds"/> should do it: the first adaptation for one of
    /// them replaces the name, summary, equipment and steps; otherwise the technique itself.
    /// </summary>
    public Technique AdaptedFor(IReadOnlyCollection<string> cautionIds)
    {
        var adaptation = Adaptations.FirstOrDefault(a => cautionIds.Contains(a.ForCaution));
        return adaptation is null
            ? this
            : this with { Name = adaptation.Name, Summary = adaptation.Summary, Equipment = adaptation.Equipment, Steps = adaptation.Steps, Adaptations = [], AdaptedForCaution = adaptation.ForCaution };
    }

    /// <summary>The caution id of the adaptation <see cref="AdaptedFor"/> would use, or null.</summary>
    public string? AdaptationFor(IReadOnlyCollection<string> cautionIds) =>
        Adaptations.FirstOrDefault(a => cautionIds.Contains(a.ForCaution))?.ForCaution;
}
