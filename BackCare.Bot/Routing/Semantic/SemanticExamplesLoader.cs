using System.Text.Json;

namespace BackCare.Bot.Routing.Semantic;

/// <summary>
/// Reads examples.json (routing id → example phrasings) and checks it as a whole: every id must be a routing id of
/// routing.json or "urgent"/"none", every id needs phrasings, and no phrasing may appear twice, even under two ids,
/// since one line cannot teach two answers. All problems are reported at once, each naming the file and the id.
/// </summary>
public static class SemanticExamplesLoader
{
    public const string FileName = "examples.json";

    /// <summary>
    /// Longer lines are refused: the model reads at most 512 word pieces, and an example that long would be a story
    /// rather than a phrasing anyway.
    /// </summary>
    public const int MaxExampleLength = 300;

    /// <summary>Strict like the other data files: comments allowed, a repeated id (property) is an error.</summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
    };

    /// <summary>Where the build copies the file: Content/Data next to the bot's assembly, beside routing.json.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Content", "Data", FileName);

    /// <summary>The ids examples.json must cover exactly: the knowledge ids routing.json is checked against, plus urgent and none.</summary>
    public static IReadOnlyList<string> RequiredIds { get; } = [.. RoutingIds.Knowledge, RoutingIds.Urgent, RoutingIds.None];

    /// <exception cref="SemanticExamplesException">The file cannot be read, or its content is wrong.</exception>
    public static IReadOnlyList<SemanticExample> Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SemanticExamplesException(path, ["(file): cannot be read: " + e.Message], e);
        }

        return Parse(json, path);
    }

    /// <summary>Parses and checks the examples; <paramref name="path"/> only names the file in errors.</summary>
    /// <exception cref="SemanticExamplesException">The content is malformed or inconsistent.</exception>
    public static IReadOnlyList<SemanticExample> Parse(string json, string path)
    {
        Dictionary<string, List<string>>? byIntent;
        try
        {
            byIntent = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json, Options);
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "(file)" : e.Path.TrimStart('$', '.');
            throw new SemanticExamplesException(path, [$"{where}: {e.Message}"], e);
        }

        if (byIntent is null)
        {
            throw new SemanticExamplesException(path, ["(file): holds null instead of an object of routing id → phrasings"]);
        }

        var problems = new List<string>();
        var examples = new List<SemanticExample>();
        var required = RequiredIds.ToHashSet(StringComparer.Ordinal);
        // Compared as the model sees them (case and spacing do not change a phrasing), so near-copies count as repeats.
        var firstOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (intent, phrasings) in byIntent)
        {
            if (!required.Contains(intent))
            {
                problems.Add($"{intent}: is not a routing id of routing.json, nor \"{RoutingIds.Urgent}\" or \"{RoutingIds.None}\"");
                continue;
            }

            if (phrasings.Count == 0)
            {
                problems.Add($"{intent}: has no example phrasings");
                continue;
            }

            foreach (var phrasing in phrasings)
            {
                var key = SemanticText.Normalise(phrasing).ToLowerInvariant();
                if (key.Length == 0)
                {
                    problems.Add($"{intent}: has an empty phrasing");
                }
                else if (key.Length > MaxExampleLength)
                {
                    problems.Add($"{intent}: \"{Shorten(phrasing)}\" is longer than {MaxExampleLength} characters");
                }
                else if (firstOwner.TryGetValue(key, out var owner))
                {
                    problems.Add(owner == intent
                        ? $"{intent}: \"{phrasing}\" is listed twice"
                        : $"{intent}: \"{phrasing}\" is already an example of {owner}");
                }
                else
                {
                    firstOwner.Add(key, intent);
                    examples.Add(new SemanticExample(intent, SemanticText.Normalise(phrasing)));
                }
            }
        }

        foreach (var id in RequiredIds.Where(id => !byIntent.ContainsKey(id)))
        {
            problems.Add($"{id}: has no entry, so the semantic layer could never suggest it");
        }

        if (problems.Count > 0)
        {
            throw new SemanticExamplesException(path, problems);
        }

        return examples;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
