using BackCare.Bot.Content;

namespace BackCare.Bot.Routing;

/// <summary>
/// The routing ids the router may answer with (docs/routing.md lists them all). The knowledge ids come from
/// <see cref="KnowledgeIds"/> so that the router and the knowledge files cannot drift apart.
/// </summary>
public static class RoutingIds
{
    /// <summary>An emergency red flag: emergency advice overrides everything else.</summary>
    public const string Urgent = "urgent";

    /// <summary>Signs that call for a doctor first (fever, a history of cancer, night pain): this answer, whatever else was asked.</summary>
    public const string SeeDoctor = "faq:when-see-doctor";

    /// <summary>Out of scope: the honest fallback.</summary>
    public const string None = "none";

    /// <summary>Every id that has knowledge behind it: each must have exactly one entry in routing.json.</summary>
    public static IReadOnlyList<string> Knowledge { get; } =
    [
        .. KnowledgeIds.Faqs,
        .. KnowledgeIds.Topics,
        .. KnowledgeIds.Techniques.Select(id => KnowledgeIds.TechniquePrefix + id),
        .. KnowledgeIds.Tips,
    ];
}
