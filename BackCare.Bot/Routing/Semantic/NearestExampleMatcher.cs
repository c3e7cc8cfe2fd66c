namespace BackCare.Bot.Routing.Semantic;

/// <summary>
/// The semantic layer: a message's similarity to every example phrasing, per routing id the closest example, and
/// per routing id the score of a classifier learned from all the examples (<see cref="RidgeClassifier"/>).
/// The examples are embedded and the classifier trained once, in the constructor; a call embeds only the message
/// (one model run for an ordinary message), takes one dot product per example and one per id. Immutable after
/// construction, so thread-safe.
/// </summary>
/// <remarks>Deliberately not IDisposable: one instance is shared by every service provider in the process, and a container disposing it would break the others.</remarks>
public sealed class NearestExampleMatcher : ISemanticMatcher
{
    private readonly ITextEmbedder _embedder;
    private readonly SemanticExample[] _examples;
    private readonly float[][] _vectors;
    private readonly RidgeClassifier _classifier;
    private readonly string[] _ids;

    /// <summary>
    /// The classifier's ridge penalty, chosen with the cross-set measure (each set scored with its own lines left out
    /// of training): 0.1, 0.3 and 1 were within a point of each other, 1 the best on the held-out sets.
    /// </summary>
    public const double ClassifierPenalty = 1.0;

    public NearestExampleMatcher(ITextEmbedder embedder, IReadOnlyList<SemanticExample> examples)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(examples);
        _embedder = embedder;
        _examples = [.. examples];
        // One model run per line, on every core: with the tuning sets' lines there are over a thousand, and start-up waits for them.
        var texts = _examples.Select(e => SemanticText.Normalise(e.Text)).ToArray();
        _vectors = new float[texts.Length][];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => _vectors[i] = embedder.Embed([texts[i]])[0]);
        _ids = _examples.Select(e => e.Intent).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var label = _ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        _classifier = _examples.Length == 0
            ? RidgeClassifier.Train([new float[SentenceEmbedder.Dimensions]], [0], 1, ClassifierPenalty)
            : RidgeClassifier.Train(_vectors, _examples.Select(e => label[e.Intent]).ToArray(), _ids.Length, ClassifierPenalty);
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
        var confidence = new float[_ids.Length];
        Array.Fill(confidence, float.MinValue);
        foreach (var piece in pieces)
        {
            var scores = _classifier.Scores(piece);
            for (var c = 0; c < _ids.Length; c++)
            {
                confidence[c] = Math.Max(confidence[c], scores[c]);
            }
        }

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
            .Select(pair => new SemanticMatch(pair.Key, Math.Clamp(pair.Value.Similarity, -1.0, 1.0), _examples[pair.Value.Example].Text)
            {
                Confidence = confidence[Array.BinarySearch(_ids, pair.Key, StringComparer.Ordinal)],
            })
            .ToList();
    }
}
