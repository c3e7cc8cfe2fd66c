namespace BackCare.Bot.Routing.Semantic;

/// <summary>
/// The semantic layer: a message's similarity to every example phrasing, and per routing id the closest example.
/// The examples are embedded once, in the constructor; a call embeds only the message (one model run for an
/// ordinary message) and takes one dot product per example. Immutable after construction, so thread-safe.
/// </summary>
/// <remarks>Deliberately not IDisposable: one instance is shared by every service provider in the process, and a container disposing it would break the others.</remarks>
public sealed class NearestExampleMatcher : ISemanticMatcher
{
    private readonly SentenceEmbedder _embedder;
    private readonly SemanticExample[] _examples;
    private readonly float[][] _vectors;

    public NearestExampleMatcher(SentenceEmbedder embedder, IReadOnlyList<SemanticExample> examples)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(examples);
        _embedder = embedder;
        _examples = [.. examples];
        _vectors = embedder.Embed(_examples.Select(e => SemanticText.Normalise(e.Text)).ToArray());
    }

    public bool IsEnabled => true;


    public IReadOnlyList<SemanticMatch> Match(string text, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var normalised = SemanticText.Normalise(text);
        if (normalised.Length == 0 || top == 0)
        {
            return [];
        }

        return Nearest(_embedder.Embed(SemanticText.Pieces(normalised)), top);
    }

    /// <summary>
    /// As <see cref="Match"/>, run on the caller's thread: the work is all CPU, and handing it to another thread
    /// only adds a switch. Gathering concurrent turns into one model run was tried and was slower here (padding to
    /// the longest text and attention over it cost more than the shared weight reads saved; see BENCHMARKS.md).
    /// </summary>
    public Task<IReadOnlyList<SemanticMatch>> MatchAsync(string text, int top, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Match(text, top));
    }

    private List<SemanticMatch> Nearest(float[][] pieces, int top)
    {
        // A long story is read piece by piece; an example's similarity is its best piece's, so a red flag in the
        // last lines counts as much as one in the first.
        var best = new Dictionary<string, (float Similarity, int Example)>(StringComparer.Ordinal);
        for (var e = 0; e < _vectors.Length; e++)
        {
            var similarity = float.MinValue;
            foreach (var piece in pieces)
            {
                similarity = Math.Max(similarity, VectorMath.Dot(piece, _vectors[e]));
            }

            var intent = _examples[e].Intent;
            if (!best.TryGetValue(intent, out var current) || similarity > current.Similarity)
            {
                best[intent] = (similarity, e);
            }
        }

        return best
            .OrderByDescending(pair => pair.Value.Similarity)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(pair => new SemanticMatch(pair.Key, Math.Clamp(pair.Value.Similarity, -1.0, 1.0), _examples[pair.Value.Example].Text))
            .ToList();
    }
}
