namespace BackCare.Bot.Routing.Semantic;

/// <summary>
/// examples.json is missing, malformed or inconsistent. Every problem is listed with the file and the routing id
/// at fault, so whoever edited the phrasings can fix them all in one go; the bot refuses to start rather than
/// route on examples nobody checked.
/// </summary>
public sealed class SemanticExamplesException : Exception
{
    public SemanticExamplesException(string filePath, IReadOnlyList<string> problems, Exception? inner = null)
        : base(BuildMessage(filePath, problems), inner)
    {
        FilePath = filePath;
        Problems = problems;
    }

    /// <summary>The examples file.</summary>
    public string FilePath { get; }

    /// <summary>Each problem, worded as "id: what is wrong" (or "(file): ..." for the file as a whole).</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string BuildMessage(string filePath, IReadOnlyList<string> problems) =>
        $"{filePath} has {problems.Count} problem(s):{Environment.NewLine}"
        + string.Join(Environment.NewLine, problems.Select(p => $"  {filePath}: {p}"));
}
