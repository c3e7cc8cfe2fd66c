namespace BackCare.Bot.Routing;

/// <summary>
/// routing.json is missing, malformed or inconsistent. The message names the file and the field at fault so
/// whoever edited the data can fix it without reading the code; the bot refuses to start rather than route badly.
/// </summary>
public sealed class RoutingModelException : Exception
{
    public RoutingModelException(string filePath, string field, string problem, Exception? inner = null)
        : base($"{filePath}: {field}: {problem}", inner)
    {
        FilePath = filePath;
        Field = field;
    }

    /// <summary>The routing data file.</summary>
    public string FilePath { get; }

    /// <summary>Where in the file the problem is, e.g. <c>entries[3] (faq:pregnancy).keywords["pregnant"]</c>.</summary>
    public string Field { get; }
}
