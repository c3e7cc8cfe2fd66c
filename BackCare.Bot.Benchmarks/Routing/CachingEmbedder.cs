using System.Collections.Concurrent;
using BackCare.Bot.Routing.Semantic;

namespace BackCare.Bot.Benchmarks.Routing;

/// <summary>The model with a cache in front: the evaluation builds many matchers over the same example lines and reads the same messages many times.</summary>
internal sealed class CachingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    public float[][] Embed(IReadOnlyList<string> texts) =>
        texts.Select(t => _cache.GetOrAdd(t, key => inner.Embed([key])[0])).ToArray();
}
