namespace BackCare.Bot.Content;

/// <summary>
/// Everything the bot knows, loaded and validated from the JSON files in Content/Data by
/// <see cref="ContentLoader"/>. Immutable and shared: register one instance for the whole app.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, Technique> _techniques;
    private readonly Dictionary<string, Answer> _answers;
    private readonly Dictionary<string, Tip> _tips;

    internal KnowledgeBase(
        IReadOnlyList<Technique> techniques,
        IReadOnlyList<Answer> answers,
        IReadOnlyList<Tip> tips,
        ScreeningScript screening,
        BotMessages messages,
        LocalHelpResolver localHelp)
    {
        Techniques = techniques;
        Answers = answers;
        Tips = tips;
        Screening = screening;
        Messages = messages;
        LocalHelp = localHelp;
        _techniques = techniques.ToDictionary(t => t.Id, StringComparer.Ordinal);
        _answers = answers.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _tips = tips.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    /// <summary>Where the build copies the knowledge files: Content/Data next to the bot's assembly.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Content", "Data");

    /// <summary>The techniques, in the order of techniques.json (the order they are offered in).</summary>
    public IReadOnlyList<Technique> Techniques { get; }

    /// <summary>FAQ answers and topics (routing ids faq:* and topic:*).</summary>
    public IReadOnlyList<Answer> Answers { get; }

    /// <summary>The prevention tips, in the order they are shown.</summary>
    public IReadOnlyList<Tip> Tips { get; }

    public ScreeningScript Screening { get; }

    public BotMessages Messages { get; }

    /// <summary>The values of the local help tokens (<see cref="LocalHelpTokens"/>) by the user's locale.</summary>
    public LocalHelpResolver LocalHelp { get; }

    /// <summary>A technique by its id ("childs-pose") or its routing id ("technique:childs-pose"); null if there is none.</summary>
    public Technique? FindTechnique(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var bare = id.StartsWith(KnowledgeIds.TechniquePrefix, StringComparison.Ordinal) ? id[KnowledgeIds.TechniquePrefix.Length..] : id;
        return _techniques.GetValueOrDefault(bare);
    }

    /// <summary>An FAQ answer or topic by routing id ("faq:how-often", "topic:lumbar-anatomy"); null if there is none.</summary>
    public Answer? FindAnswer(string routingId)
    {
        ArgumentNullException.ThrowIfNull(routingId);
        return _answers.GetValueOrDefault(routingId);
    }

    /// <summary>A tip by routing id ("tip:posture"); null if there is none.</summary>
    public Tip? FindTip(string routingId)
    {
        ArgumentNullException.ThrowIfNull(routingId);
        return _tips.GetValueOrDefault(routingId);
    }
}
