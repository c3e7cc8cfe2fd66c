namespace BackCare.Bot.Routing.Semantic;

/// <summary>
/// The router's second layer: how close a message is in meaning to example phrasings of each routing id
/// (kept with the knowledge data), for wording the keyword layer has never seen.
/// </summary>
public interface ISemanticMatcher
{
    /// <summary>Whether the layer is there at all (off: <see cref="Match"/> always returns nothing).</summary>
    bool IsEnabled { get; }

    /// <summary>
    /// The best-matching example per routing id (including "urgent" and "none"), best first, at most
    /// <paramref name="top"/> ids. Empty for blank text or when the layer is off. CPU-bound and thread-safe.
    /// </summary>
    IReadOnlyList<SemanticMatch> Match(string text, int top = 5);

    /// <summary>As <see cref="Match"/>, for a turn (an implementation may do its work elsewhere than on the caller's thread).</summary>
    Task<IReadOnlyList<SemanticMatch>> MatchAsync(string text, int top, CancellationToken cancellationToken);
}
