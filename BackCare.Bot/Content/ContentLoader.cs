using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BackCare.Bot.Content.Checks;

namespace BackCare.Bot.Content;

/// <summary>
/// Reads the knowledge files (techniques, answers, tips, screening, messages, local help), each against its JSON
/// Schema (<see cref="ContentSchemas"/>), then makes the checks a schema cannot (<see cref="KnowledgeChecks"/>).
/// Called once at start-up: a broken file stops the bot with a
/// <see cref="ContentValidationException"/> naming the file and field, rather than surfacing later
/// as a wrong or missing answer in someone's chat.
/// </summary>
public static class ContentLoader
{
    public const string TechniquesFile = "techniques.json";
    public const string AnswersFile = "answers.json";
    public const string TipsFile = "tips.json";
    public const string ScreeningFile = "screening.json";
    public const string MessagesFile = "messages.json";
    public const string LocalHelpFile = "local-help.json";

    /// <summary>
    /// Strict on purpose: the files are edited by hand, so a misspelt or repeated property, a null
    /// where text is required or a level that is not a <see cref="ScreeningLevel"/> name must be an
    /// error, not silently a default. Comments are allowed so an editor can leave a note.
    /// </summary>
    internal static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>As <see cref="JsonOptions"/>: comments and trailing commas allowed, a repeated property an error.</summary>
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false,
    };

    /// <summary>Loads and validates every knowledge file in <paramref name="directory"/>.</summary>
    /// <exception cref="ContentValidationException">A file is missing, malformed or inconsistent; the message lists every problem.</exception>
    public static KnowledgeBase Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);

        var errors = new List<ContentError>();
        var techniques = Read<TechniqueList>(directory, TechniquesFile, errors)?.Techniques;
        var answers = Read<AnswerList>(directory, AnswersFile, errors)?.Answers;
        var tips = Read<TipList>(directory, TipsFile, errors)?.Tips;
        var screening = Read<ScreeningScript>(directory, ScreeningFile, errors);
        var messages = Read<BotMessages>(directory, MessagesFile, errors);
        var localHelp = Read<LocalHelpFile>(directory, LocalHelpFile, errors);

        // Cross-file checks (tags, related ids, local help tokens) need every file, so they only run once all parsed.
        if (techniques is null || answers is null || tips is null || screening is null || messages is null || localHelp is null)
        {
            throw new ContentValidationException(directory, errors);
        }

        new KnowledgeChecks(errors).Check(techniques, answers, tips, screening, messages, localHelp);
        if (errors.Count > 0)
        {
            throw new ContentValidationException(directory, errors);
        }

        return new KnowledgeBase(techniques, answers, tips, screening, messages, new LocalHelpResolver(localHelp));
    }

    internal static T? Read<T>(string directory, string file, List<ContentError> errors)
        where T : class
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            errors.Add(new ContentError(file, "$", $"the file is missing (looked for {path})"));
            return null;
        }

        try
        {
            // A stream rather than bytes: the stream reader skips a UTF-8 byte order mark, which editors on Windows add.
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, DocumentOptions);
            if (!ContentSchemas.Shipped.Check(file, document.RootElement, errors))
            {
                // The schema has said what is wrong; the serializer would only say it again, less plainly.
                return null;
            }

            var value = WithoutSchemaReference(document.RootElement).Deserialize<T>(JsonOptions);
            if (value is null)
            {
                errors.Add(new ContentError(file, "$", "the file holds null instead of its content"));
            }

            return value;
        }
        catch (JsonException ex)
        {
            errors.Add(new ContentError(file, string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path, Describe(ex)));
        }
        catch (IOException ex)
        {
            errors.Add(new ContentError(file, "$", "the file could not be read: " + ex.Message));
        }
        catch (UnauthorizedAccessException ex)
        {
            errors.Add(new ContentError(file, "$", "the file could not be read: " + ex.Message));
        }

        return null;
    }

    /// <summary>The content without the "$schema" an editor follows: it is not part of the content's type.</summary>
    private static JsonNode? WithoutSchemaReference(JsonElement root)
    {
        var node = JsonNode.Parse(root.GetRawText());
        (node as JsonObject)?.Remove(ContentSchemas.SchemaProperty);
        return node;
    }

    /// <summary>The serializer's own explanation, its trailing "Path: … | LineNumber: …" replaced by a line number counted from 1 as editors do.</summary>
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        // The type names mean something to a developer; the namespace before them means nothing to an editor.
        message = message.Replace(typeof(ContentLoader).Namespace + ".", string.Empty, StringComparison.Ordinal);
        return ex.LineNumber is { } line ? $"{message} (line {line + 1})" : message;
    }
}
