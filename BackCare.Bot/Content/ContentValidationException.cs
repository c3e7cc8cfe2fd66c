namespace BackCare.Bot.Content;

/// <summary>
/// The knowledge files are broken. Thrown at start-up so the bot never runs on content it cannot
/// trust; the message lists every problem found, each with its file and JSON path.
/// </summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(string directory, IReadOnlyList<ContentError> errors)
        : base(BuildMessage(directory, errors))
    {
        Directory = directory;
        Errors = errors;
    }

    /// <summary>The folder the files were read from.</summary>
    public string Directory { get; }

    public IReadOnlyList<ContentError> Errors { get; }

    private static string BuildMessage(string directory, IReadOnlyList<ContentError> errors) =>
        $"The knowledge files in {directory} have {errors.Count} problem(s):{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
