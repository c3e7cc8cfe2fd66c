using BackCare.Bot.DialogEngine;
using BackCare.Bot.Routing;
using BackCare.Bot.Routing.Semantic;
using BackCare.Bot.State;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>One message as the checks see it: its text (raw and normalised), a card submit, and the dialogs.</summary>
public sealed class InterruptionContext
{
    private RoutingResult? _keywordRoute;
    private RoutingResult? _route;
    private IReadOnlyList<SemanticMatch>? _matches;

    /// <summary>Only this much of a message is read for red flags and routed: a bound on the cost of any one message.</summary>
    public const int MaxAnalysedLength = 20_000;

    public required DialogContext Dialogs { get; init; }

    public required ConversationData Conversation { get; init; }

    /// <summary>The typed text, trimmed ("" for a card submit).</summary>
    public required string RawText { get; init; }

    /// <summary>The text lower-cased with punctuation folded, for commands ("Menu!" → "menu").</summary>
    public required string Text { get; init; }

    /// <summary>A card's Action.Submit data when the message has no text.</summary>
    public JObject? Submit { get; init; }

    /// <summary>The routing ids of a "did you mean" shown last turn, if any.</summary>
    public required List<string> PendingClarification { get; init; }

    /// <summary>Whether last turn's "Ask a question" invited this message as a question (see <see cref="ConversationData.QuestionInvited"/>).</summary>
    public bool QuestionInvited { get; init; }

    public ITurnContext Turn => Dialogs.Context;

    public DialogContext Leaf => Dialogs.Leaf;

    public bool HasText => RawText.Length > 0;

    /// <summary>The keyword layer's verdict (with the red-flag rules), worked out once per message.</summary>
    /// <remarks>With a safety question already waiting, a partial red flag is not asked about twice.</remarks>
    public RoutingResult KeywordRoute(MessageRouter router) =>
        _keywordRoute ??= router.Keywords.Route(Analysed, askAboutPartialRedFlags: Conversation.PendingSafetyQuestion is null);

    /// <summary>The semantic layer's reading of the message, worked out at most once per message.</summary>
    public async Task<IReadOnlyList<SemanticMatch>> SemanticMatchesAsync(MessageRouter router, CancellationToken cancellationToken) =>
        _matches ??= await router.MatchAsync(Analysed, cancellationToken).ConfigureAwait(false);

    private string Analysed => RawText.Length > MaxAnalysedLength ? RawText[..MaxAnalysedLength] : RawText;

    /// <summary>The whole router's verdict, worked out once per message.</summary>
    public async Task<RoutingResult> RouteAsync(MessageRouter router, CancellationToken cancellationToken)
    {
        if (_route is null)
        {
            var keyword = KeywordRoute(router);
            _route = router.NeedsSemantic(keyword) ? router.Combine(keyword, await SemanticMatchesAsync(router, cancellationToken).ConfigureAwait(false)) : keyword;
        }

        return _route;
    }
}
