namespace BackCare.Bot.Routing.Semantic;

/// <summary>Turns normalised text into unit sentence vectors (the model in <see cref="SentenceEmbedder"/>; a cache around it in tools). Thread-safe.</summary>
public interface ITextEmbedder
{
    /// <summary>Unit vectors of <paramref name="texts"/>, in order (see <see cref="SentenceEmbedder.Embed"/> for what a text must be).</summary>
    float[][] Embed(IReadOnlyList<string> texts);
}
