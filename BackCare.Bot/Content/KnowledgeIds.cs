namespace BackCare.Bot.Content;

/// <summary>
/// The routing ids (docs/routing.md) that the knowledge files must cover, exactly: the router answers
/// with these, so a missing entry would be a dead end and an extra one could never be reached.
/// Technique ids are bare here; their routing id is "technique:" + id.
/// </summary>
public static class KnowledgeIds
{
    public const string TechniquePrefix = "technique:";

    public static IReadOnlyList<string> Techniques { get; } =
        ["seated-spinal-twist", "knee-to-chest", "childs-pose", "standing-back-extension", "foam-roller-release"];

    public static IReadOnlyList<string> Faqs { get; } =
    [
        "faq:safe-to-crack", "faq:why-cracks-often", "faq:can-cause-injury", "faq:pop-necessary",
        "faq:how-often", "faq:when-see-doctor", "faq:pregnancy", "faq:foam-vs-stretch",
    ];

    public static IReadOnlyList<string> Topics { get; } =
    [
        "topic:what-is-cracking", "topic:when-to-avoid", "topic:lumbar-anatomy", "topic:foam-roller-choice",

        // What patients ask beyond the article (issue 10): short answers...
        "topic:sciatica", "topic:slept-wrong", "topic:heat-or-ice", "topic:painkillers", "topic:bed-rest-and-work",
        "topic:running-and-gym", "topic:desk-setup", "topic:how-long", "topic:driving", "topic:sex", "topic:lifting-children",

        // ...and signposts, which only say where to go.
        "topic:scans", "topic:back-braces", "topic:physio-or-chiropractor", "topic:inflammatory-stiffness", "topic:children-and-teens",
    ];

    public static IReadOnlyList<string> Tips { get; } =
        ["tip:posture", "tip:movement", "tip:core", "tip:lifting", "tip:sleep", "tip:stress", "tip:hydration"];
}
