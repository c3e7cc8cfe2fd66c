using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace BackCare.Bot.Routing.Semantic;

/// <summary>
/// One model and one embedded example set per process. Loading the model and embedding a few hundred examples
/// takes seconds and about 100 MB, and tests build dozens of service providers (and the host can be rebuilt), so
/// every provider gets the same instance: the model is loaded once, and a matcher is built once per examples file,
/// keyed by the file's full path and a hash of its content (an edited file gets a fresh matcher).
/// </summary>
public static class SharedSemanticMatcher
{
    private static readonly Lazy<SentenceEmbedder> SharedEmbedder = new(() => new SentenceEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    // Lazy per key: GetOrAdd may run its factory twice under a race, but only one Lazy is kept, so the costly
    // embedding runs once. A file that fails to load keeps failing the same way until its content changes.
    private static readonly ConcurrentDictionary<string, Lazy<NearestExampleMatcher>> Matchers = new(StringComparer.Ordinal);

    /// <summary>The process's matcher for the examples file at <paramref name="path"/>, built on first use.</summary>
    /// <exception cref="SemanticExamplesException">The file cannot be read or is wrong.</exception>
    public static NearestExampleMatcher ForFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        string json;
        try
        {
            json = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SemanticExamplesException(fullPath, ["(file): cannot be read: " + e.Message], e);
        }

        var key = fullPath + "\n" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        return Matchers.GetOrAdd(
            key,
            _ => new Lazy<NearestExampleMatcher>(
                () => new NearestExampleMatcher(Embedder, SemanticExamplesLoader.Parse(json, fullPath)),
                LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>The process's model (int8), loaded on first use.</summary>
    public static SentenceEmbedder Embedder => SharedEmbedder.Value;

    /// <summary>The process's matcher for the shipped Content/Data/examples.json.</summary>
    public static NearestExampleMatcher Default => ForFile(SemanticExamplesLoader.DefaultPath);
}
