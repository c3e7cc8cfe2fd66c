using BackCare.Bot.Content;
using BackCare.Bot.Routing.Semantic;

namespace BackCare.Bot.Routing;

/// <summary>
/// The whole router, in layers: the red-flag rules first (they win over everything), then the keywords, then, where
/// the keywords are unsure or the message may not be about backs at all, the nearest example phrasings of the
/// semantic layer. The cheap layers run on every message; the semantic one only where it can change the outcome.
/// </summary>
public sealed class MessageRouter(KeywordRouter keywords, ISemanticMatcher semantic, SemanticThresholds thresholds)
{
    /// <summary>Every routing id: the classifier's score of the keywords' own choice is needed whatever its rank.</summary>
    private const int Candidates = int.MaxValue;

    private readonly SemanticThresholds _thresholds = thresholds;

    /// <summary>The router with routing.json's thresholds (tools may try others with the primary constructor).</summary>
    public MessageRouter(KeywordRouter keywords, ISemanticMatcher semantic)
        : this(keywords, semantic, keywords.SemanticThresholds)
    {
    }

    public KeywordRouter Keywords => keywords;

    /// <summary>Routes one message (tests and tools; a turn uses <see cref="RouteAsync"/>).</summary>
    public RoutingResult Route(string? utterance) => Route(keywords.Route(utterance));

    /// <summary>Completes the keyword layer's verdict on a message (already worked out by the caller).</summary>
    public RoutingResult Route(RoutingResult keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        return NeedsSemantic(keyword) ? Combine(keyword, semantic.Match(keywords.CorrectSpelling(keyword.Text), Candidates)) : keyword;
    }

    /// <summary>The semantic layer's nearest examples for a message (empty when the layer is off), for <see cref="Combine"/> and <see cref="ReadsAsEmergency"/>.</summary>
    public Task<IReadOnlyList<SemanticMatch>> MatchAsync(string text, CancellationToken cancellationToken) =>
        semantic.IsEnabled
            ? semantic.MatchAsync(keywords.CorrectSpelling(text), Candidates, cancellationToken)
            : Task.FromResult<IReadOnlyList<SemanticMatch>>([]);

    /// <summary>Whether the semantic layer would complete the keywords' verdict at all (not on red flags, nor on a sure answer about the back).</summary>
    public bool NeedsSemantic(RoutingResult keyword) =>
        keyword.Layer != RoutingLayer.Safety && semantic.IsEnabled && !IsSure(keyword);

    /// <summary>
    /// Whether the message reads like an emergency example although the rules found none. A denial anywhere leaves
    /// it to the rules, since "no numbness down there" sits as close to the numbness examples as its opposite.
    /// </summary>
    public bool ReadsAsEmergency(RoutingResult keyword, IReadOnlyList<SemanticMatch> matches)
    {
        var urgent = matches.FirstOrDefault(m => m.Intent == RoutingIds.Urgent);
        if (urgent is null || keywords.HasDenial(keyword.Text))
        {
            return false;
        }

        var bestTopic = matches.FirstOrDefault(m => m.Intent is not RoutingIds.None and not RoutingIds.Urgent)?.Similarity ?? 0;
        var closest = urgent.Similarity >= _thresholds.Urgent && urgent.Similarity >= bestTopic;
        // The classifier reads it as an emergency above everything else, off-topic included; a partial red flag (a fall of
        // unknown size) is the safety question's to settle, and once answered "no" stays settled.
        var classified = urgent.Confidence >= _thresholds.ClassifierUrgent && urgent.Similarity >= _thresholds.ClassifierUrgentNearest
            && matches.All(m => m.Intent == RoutingIds.Urgent || m.Confidence < urgent.Confidence)
            && !keywords.HasPartialRedFlag(keyword.Text);
        return closest || classified;
    }

    /// <summary>As <see cref="Route(RoutingResult)"/>, for a turn.</summary>
    public async Task<RoutingResult> RouteAsync(RoutingResult keyword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        return NeedsSemantic(keyword) ? Combine(keyword, await MatchAsync(keyword.Text, cancellationToken).ConfigureAwait(false)) : keyword;
    }

    /// <summary>Routes a message whose partial red flag was already asked about and denied.</summary>
    public Task<RoutingResult> RouteWithoutAskingAsync(string? utterance, CancellationToken cancellationToken) =>
        RouteAsync(keywords.Route(utterance, askAboutPartialRedFlags: false), cancellationToken);

    /// <summary>The keywords' verdict completed by the semantic layer's nearest examples.</summary>
    public RoutingResult Combine(RoutingResult keyword, IReadOnlyList<SemanticMatch> matches)
    {
        if (matches.Count == 0)
        {
            return keyword;
        }

        var topics = matches.Where(m => m.Intent is not RoutingIds.None and not RoutingIds.Urgent).ToList();
        var best = topics.FirstOrDefault();
        var bestSimilarity = best?.Similarity ?? 0;
        var margin = bestSimilarity - (topics.Count > 1 ? topics[1].Similarity : 0);
        var offTopic = matches.FirstOrDefault(m => m.Intent == RoutingIds.None)?.Similarity ?? 0;
        var alternatives = topics.Take(3).Select(m => new RoutingAlternative(m.Intent, Math.Round(m.Similarity, 4))).ToList();

        // The rules missed it, but it reads like an emergency example.
        if (ReadsAsEmergency(keyword, matches))
        {
            var urgent = matches.First(m => m.Intent == RoutingIds.Urgent).Similarity;
            return Semantic(keyword, RoutingIds.Urgent, urgent, alternatives, RoutingDecision.Answer);
        }

        if (Classify(keyword, matches) is { } classified)
        {
            return classified;
        }

        // Not about the back in words, and in meaning closer to the off-topic examples or far from every subject:
        // knuckles, a dog bed's foam, a stand-up meeting.
        var onTopic = keyword.Decision == RoutingDecision.Answer ? _thresholds.OnTopicAgainstKeywords : _thresholds.OnTopic;
        if (!keyword.IsAnchored && (bestSimilarity < onTopic || (offTopic >= _thresholds.OffTopic && offTopic >= bestSimilarity)))
        {
            return keyword.Decision == RoutingDecision.Fallback ? keyword : Semantic(keyword, RoutingIds.None, keyword.Score, keyword.Alternatives, RoutingDecision.Fallback);
        }

        // About a back in words, but in meaning plainly one of the off-topic examples ("my cat's back legs are wobbly"),
        // and the keywords could not settle on anything.
        if (keyword.Decision != RoutingDecision.Answer && offTopic >= _thresholds.OffTopicAnchored && offTopic - bestSimilarity >= _thresholds.Margin)
        {
            return keyword.Decision == RoutingDecision.Fallback ? keyword : Semantic(keyword, RoutingIds.None, keyword.Score, keyword.Alternatives, RoutingDecision.Fallback);
        }

        // Another subject's words said so ("hip pops at the gym", "back up my files"): the meaning of a back question
        // nearby does not make it one.
        if (best is null || keyword.IsRuledOffTopic)
        {
            return keyword;
        }

        // The keywords chose, without much certainty, something the meaning clearly says otherwise about: a very
        // close example of another subject, or a close one where the keywords' choice reads far from the message.
        if (keyword.Decision == RoutingDecision.Answer)
        {
            var keywordChoice = matches.FirstOrDefault(m => m.Intent == keyword.Intent)?.Similarity ?? 0;
            var overrules = best.Intent != keyword.Intent && margin >= _thresholds.Margin
                && (bestSimilarity >= _thresholds.Overrule || (bestSimilarity >= _thresholds.Answer && bestSimilarity - keywordChoice >= _thresholds.OverruleGap));
            return overrules ? Semantic(keyword, best.Intent, bestSimilarity, alternatives, RoutingDecision.Answer) : keyword;
        }

        // The keywords were unsure. Between their own candidates a clear nearest example decides; where they found
        // nothing at all, a clear nearest example answers alone. A "did you mean" between techniques ("my back is
        // stiff") is the start of the screening and picker, so only a technique may settle it.
        var isCandidate = keyword.Alternatives.Any(a => a.Intent == best.Intent);
        var techniquesOnly = keyword.Alternatives.Count > 0 && keyword.Alternatives.All(a => a.Intent.StartsWith(KnowledgeIds.TechniquePrefix, StringComparison.Ordinal));
        var allowed = keyword.Decision == RoutingDecision.Fallback || isCandidate || (!techniquesOnly && bestSimilarity >= _thresholds.Overrule);
        var needed = isCandidate ? _thresholds.Answer - _thresholds.Margin : _thresholds.Answer;
        if (allowed && bestSimilarity >= needed && margin >= _thresholds.Margin)
        {
            return Semantic(keyword, best.Intent, bestSimilarity, alternatives, RoutingDecision.Answer);
        }

        return keyword;
    }

    /// <summary>
    /// The classifier's verdict where it is clear: it overrules a keyword answer short of sure when it is confident of
    /// something else (off-topic included) and finds the keywords' choice unlikely; it settles a "did you mean" or a
    /// fallback when one id clearly leads. Null where it is not clear, for the nearest-example rules to decide.
    /// </summary>
    private RoutingResult? Classify(RoutingResult keyword, IReadOnlyList<SemanticMatch> matches)
    {
        var ranked = matches.Where(m => m.Intent != RoutingIds.Urgent).OrderByDescending(m => m.Confidence).ToList();
        if (ranked.Count < 2)
        {
            return null;
        }

        var best = ranked[0];
        var margin = best.Confidence - ranked[1].Confidence;
        var alternatives = ranked.Where(m => m.Intent != RoutingIds.None).Take(3).Select(m => new RoutingAlternative(m.Intent, Math.Round(m.Confidence, 4))).ToList();
        RoutingResult Verdict() => best.Intent == RoutingIds.None
            ? (keyword.Decision == RoutingDecision.Fallback ? keyword : Semantic(keyword, RoutingIds.None, keyword.Score, keyword.Alternatives, RoutingDecision.Fallback))
            : Semantic(keyword, best.Intent, best.Confidence, alternatives, RoutingDecision.Answer);

        // Where the message is all but one of the examples, that line's id: whoever adds an example line gets that answer for it.
        var same = matches.Where(m => m.Intent != RoutingIds.Urgent).MaxBy(m => m.Similarity);
        if (same is not null && same.Similarity >= _thresholds.SameAsExample && !keyword.IsRuledOffTopic)
        {
            if (same.Intent == keyword.Intent && keyword.Decision == RoutingDecision.Answer)
            {
                return keyword;
            }

            best = same;
            return Verdict();
        }

        // A linear classifier scores everything, even text unlike any example ("about 3 days" typed at a question): an id is
        // only chosen where the message also reads close to one of that id's own examples.
        if (best.Intent != RoutingIds.None && best.Similarity < _thresholds.ClassifierNearest)
        {
            return null;
        }

        if (keyword.Decision == RoutingDecision.Answer)
        {
            var kept = matches.FirstOrDefault(m => m.Intent == keyword.Intent)?.Confidence ?? 0;
            var overrules = best.Intent != keyword.Intent && best.Confidence >= _thresholds.ClassifierOverrule
                && kept <= _thresholds.ClassifierKeep && margin >= _thresholds.ClassifierMargin;
            return overrules ? Verdict() : null;
        }

        // Another subject's words said so: only the fallback it already is.
        if (keyword.IsRuledOffTopic)
        {
            return null;
        }

        // A "did you mean" between techniques is the start of the screening and picker: only a technique may settle it.
        var techniquesOnly = keyword.Decision == RoutingDecision.Clarify && keyword.Alternatives.Count > 0
            && keyword.Alternatives.All(a => a.Intent.StartsWith(KnowledgeIds.TechniquePrefix, StringComparison.Ordinal));
        if (techniquesOnly && !best.Intent.StartsWith(KnowledgeIds.TechniquePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        return best.Confidence >= _thresholds.ClassifierAnswer && margin >= _thresholds.ClassifierMargin ? Verdict() : null;
    }

    private static RoutingResult Semantic(RoutingResult keyword, string intent, double score, IReadOnlyList<RoutingAlternative> alternatives, RoutingDecision decision) =>
        new(keyword.Text, intent, Math.Round(score, 4), alternatives, decision) { Layer = RoutingLayer.Semantic, IsAnchored = keyword.IsAnchored };

    /// <summary>A strong keyword answer about the back: nothing the semantic layer says would change it.</summary>
    private bool IsSure(RoutingResult keyword) =>
        keyword.Decision == RoutingDecision.Answer && keyword.IsAnchored && keyword.Score >= _thresholds.KeywordSure;
}
