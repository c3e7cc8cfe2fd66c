namespace BackCare.Bot.Routing.Semantic;

/// <summary>How the semantic model's weights are held when it runs.</summary>
public enum SemanticModelPrecision
{
    /// <summary>The matrix weights as 8-bit integers (<see cref="OnnxWeightQuantizer"/>): about 2.3 times faster a message, the default.</summary>
    Int8,

    /// <summary>The model exactly as the package ships it: the reference the quantised copy is measured against.</summary>
    Float32,
}
