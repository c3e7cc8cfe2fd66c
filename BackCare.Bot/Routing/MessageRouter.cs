using BackCare.Bot.Routing.Semantic;

namespace BackCare.Bot.Routing;

/// <summary>
/// The whole router, in layers: the red-flag rules first (they win over everything), then the keywords, then, where
/// the keywords are unsure or the message may not be about backs at all, the nearest example phrasings of the
/// semantic layer. The cheap layers run on every message; the semantic one only where it can change the outcome.
/// </summary>
public sealed class MessageRouter(KeywordRouter keywords, ISemanticMatcher semantic)
{
    private readonly SemanticThresholds _thresholds = keywords.SemanticThresholds;

    public KeywordRouter Keywords => keywords;

    public RoutingResult Route(string? utterance) => Route(keywords.Route(utterance));

    /// <summary>Completes the keyword layer's verdict on a message (already worked out by the caller).</summary>
    public RoutingResult Route(RoutingResult keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        if (keyword.Layer == RoutingLayer.Safety || !semantic.IsEnabled || IsSure(keyword))
        {
            return keyword;
        }

        var matches = semantic.Match(keyword.Text);
        if (matches.Count == 0)
        {
            return keyword;
        }

        var best = matches[0];
        var runnerUp = matches.Count > 1 ? matches[1].Similarity : 0;
        var alternatives = matches.Where(m => m.Intent != RoutingIds.None).Take(3).Select(m => new RoutingAlternative(m.Intent, Math.Round(m.Similarity, 4))).ToList();

        if (best.Intent == RoutingIds.Urgent && best.Similarity >= _thresholds.Urgent && !keywords.HasDenial(keyword.Text))
        {
            return new RoutingResult(keyword.Text, RoutingIds.Urgent, Math.Round(best.Similarity, 4), alternatives, RoutingDecision.Answer) { Layer = RoutingLayer.Semantic, IsAnchored = keyword.IsAnchored };
        }

        var keywordChoice = matches.FirstOrDefault(m => m.Intent == keyword.Intent)?.Similarity ?? 0;
        if (best.Intent == RoutingIds.None && best.Similarity >= _thresholds.OffTopic && (!keyword.IsAnchored || keyword.Decision != RoutingDecision.Answer) && best.Similarity > keywordChoice)
        {
            return new RoutingResult(keyword.Text, RoutingIds.None, keyword.Score, keyword.Alternatives, RoutingDecision.Fallback) { Layer = RoutingLayer.Semantic, IsAnchored = keyword.IsAnchored };
        }

        if (keyword.Decision == RoutingDecision.Answer)
        {
            return keyword;
        }

        // The keywords were unsure: a clear nearest example answers; one of the keywords' own candidates needs less.
        var isCandidate = keyword.Alternatives.Any(a => a.Intent == best.Intent);
        var needed = isCandidate ? _thresholds.Answer - _thresholds.Margin : _thresholds.Answer;
        if (best.Intent is not RoutingIds.None and not RoutingIds.Urgent && best.Similarity >= needed && best.Similarity - runnerUp >= _thresholds.Margin)
        {
            return new RoutingResult(keyword.Text, best.Intent, Math.Round(best.Similarity, 4), alternatives, RoutingDecision.Answer) { Layer = RoutingLayer.Semantic, IsAnchored = keyword.IsAnchored };
        }

        return keyword;
    }

    /// <summary>A strong keyword answer about the back: nothing the semantic layer says would change it.</summary>
    private bool IsSure(RoutingResult keyword) =>
        keyword.Decision == RoutingDecision.Answer && keyword.IsAnchored && keyword.Score >= _thresholds.KeywordSure;
}
