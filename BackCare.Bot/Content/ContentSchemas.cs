using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace BackCare.Bot.Content;

/// <summary>
/// The JSON Schemas of the knowledge files (Content/Schemas, beside Content/Data: "messages.json" has
/// "messages.schema.json"), checked with JsonSchema.Net when a file is read. A schema says what a file's structure
/// must be (properties, types, required text, ids' form, ranges); an editor that follows the file's "$schema" shows
/// the same problems while typing. What a schema cannot say (ids that refer to each other, lengths with local help
/// filled in, placeholders) stays in code, one class per file (Content/Checks).
/// </summary>
internal sealed class ContentSchemas
{
    /// <summary>The property a data file names its schema with, for editors; the bot checks against its own copy.</summary>
    public const string SchemaProperty = "$schema";

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };

    private readonly Dictionary<string, (JsonSchema Schema, JsonNode Document)> _byFile = new(StringComparer.Ordinal);
    private readonly string _directory;

    private ContentSchemas(string directory)
    {
        _directory = directory;
        foreach (var path in Directory.Exists(directory) ? Directory.GetFiles(directory, "*.schema.json") : [])
        {
            var text = File.ReadAllText(path);
            var dataFile = Path.GetFileName(path).Replace(".schema.json", ".json", StringComparison.Ordinal);
            _byFile[dataFile] = (JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri(new Uri(path).AbsoluteUri)), JsonNode.Parse(text)!);
        }
    }

    /// <summary>The schemas that ship with the bot, next to its assembly.</summary>
    public static ContentSchemas Shipped { get; } = new(Path.Combine(AppContext.BaseDirectory, "Content", "Schemas"));

    /// <summary>The relative path a data file in Content/Data writes as its "$schema".</summary>
    public static string ReferenceFor(string dataFile) => "../Schemas/" + Path.ChangeExtension(dataFile, ".schema.json");

    /// <summary>Checks <paramref name="root"/> against <paramref name="file"/>'s schema, adding a problem per failed rule; returns whether it passed.</summary>
    public bool Check(string file, JsonElement root, List<ContentError> errors)
    {
        if (!_byFile.TryGetValue(file, out var found))
        {
            // Every knowledge file has a schema; one missing from the build must not turn its checks off unnoticed.
            errors.Add(new ContentError(file, "$", $"its schema {Path.ChangeExtension(file, ".schema.json")} is missing from {_directory}"));
            return false;
        }

        var results = found.Schema.Evaluate(root, Evaluation);
        if (results.IsValid)
        {
            return true;
        }

        foreach (var detail in (results.Details ?? []).Prepend(results).Distinct().Where(d => d.Errors is { Count: > 0 }))
        {
            var description = NearestDescription(found.Document, detail.EvaluationPath.ToString());
            foreach (var (_, error) in detail.Errors!)
            {
                // "additionalProperties": false fails as a false schema, whose message says nothing to an editor.
                var message = error == ErrorMessages.FalseSchema ? "is not a property that belongs here (misspelt, or in the wrong place?)" : error;
                errors.Add(new ContentError(file, ToPath(detail.InstanceLocation.ToString()), description is null ? message : $"{message} ({description})"));
            }
        }

        return false;
    }

    /// <summary>"/0/steps/2" as the loader writes paths: "$[0].steps[2]".</summary>
    private static string ToPath(string pointer)
    {
        var path = new StringBuilder("$");
        foreach (var segment in Segments(pointer))
        {
            path.Append(int.TryParse(segment, out _) ? $"[{segment}]" : "." + segment);
        }

        return path.ToString();
    }

    /// <summary>
    /// The description of the schema that failed, or of the nearest one around it: what is expected, in an editor's
    /// words. Found by walking the evaluation path ("/items/properties/steps/$ref/items/...") through the schema, a
    /// "$ref" jumping to the definition it names; the root's own description, about the whole file, is never used.
    /// </summary>
    private static string? NearestDescription(JsonNode schema, string evaluationPath)
    {
        string? description = null;
        var node = schema;
        foreach (var segment in Segments(evaluationPath))
        {
            var next = segment == "$ref" && node?["$ref"] is JsonValue reference
                ? Resolve(schema, reference.GetValue<string>())
                : node switch
                {
                    JsonObject obj => obj[segment],
                    JsonArray array when int.TryParse(segment, out var index) && index < array.Count => array[index],
                    _ => null,
                };

            // JsonSchema.Net 8 writes "items" twice in the evaluation path of an array's item; a segment that leads
            // nowhere is passed over rather than ending the walk.
            if (next is null)
            {
                continue;
            }

            node = next;
            if ((node as JsonObject)?["description"] is JsonValue text)
            {
                description = text.GetValue<string>();
            }
        }

        return description;
    }

    /// <summary>A reference within the same schema ("#/$defs/steps").</summary>
    private static JsonNode? Resolve(JsonNode schema, string reference)
    {
        var node = reference.StartsWith('#') ? schema : null;
        foreach (var segment in Segments(reference.TrimStart('#')))
        {
            node = (node as JsonObject)?[segment];
        }

        return node;
    }

    /// <summary>A JSON pointer's segments, unescaped.</summary>
    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
}
