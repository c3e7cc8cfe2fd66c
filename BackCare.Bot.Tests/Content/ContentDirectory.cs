using System.Text.Json;
using System.Text.Json.Nodes;
using BackCare.Bot.Content;

namespace BackCare.Bot.Tests.Content;

/// <summary>
/// A temporary copy of the real knowledge files that a test can break one way, so each test proves
/// the loader catches exactly that fault in otherwise valid content.
/// </summary>
public sealed class ContentDirectory : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public ContentDirectory()
    {
        Path = Directory.CreateTempSubdirectory("backcare-content-").FullName;
        foreach (var file in Directory.GetFiles(KnowledgeBase.DefaultDirectory, "*.json"))
        {
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }
    }

    public string Path { get; }

    /// <summary>Changes one file through its JSON tree and writes it back.</summary>
    public void Edit(string file, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(Read(file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
            ?? throw new InvalidOperationException(file + " holds null");
        edit(node);
        Write(file, node.ToJsonString(Indented));
    }

    public string Read(string file) => File.ReadAllText(System.IO.Path.Combine(Path, file));

    public void Write(string file, string text) => File.WriteAllText(System.IO.Path.Combine(Path, file), text);

    public void Delete(string file) => File.Delete(System.IO.Path.Combine(Path, file));

    /// <summary>Loads the copy, expecting it to be rejected.</summary>
    public ContentValidationException LoadFails() => Assert.Throws<ContentValidationException>(() => ContentLoader.Load(Path));

    /// <summary>
    /// That <paramref name="ex"/> names <paramref name="file"/>, <paramref name="path"/> and a problem mentioning
    /// <paramref name="fragment"/>, and that its message, which is all a failed start-up shows, names them too.
    /// </summary>
    public static void AssertError(ContentValidationException ex, string file, string path, string fragment)
    {
        var found = ex.Errors.Any(e => e.File == file && e.Path == path && e.Problem.Contains(fragment, StringComparison.Ordinal));
        Assert.True(found, $"expected an error in {file} at {path} mentioning \"{fragment}\"; got:{Environment.NewLine}{ex.Message}");
        Assert.Contains($"{file} {path}: ", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
