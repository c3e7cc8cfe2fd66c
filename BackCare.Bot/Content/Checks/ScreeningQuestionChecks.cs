namespace BackCare.Bot.Content.Checks;

/// <summary>
/// screening.json's follow-up questions beyond the schema: ids once each; texts chat-sized; a reason for a check-up
/// with its advice; only a caution leaving techniques out, and only by tags some technique has.
/// </summary>
internal sealed class ScreeningQuestionChecks(List<ContentError> errors, TextRules text)
{
    private const string File = ContentLoader.ScreeningFile;

    /// <param name="techniqueTags">Every technique's tags: what a caution may leave out.</param>
    /// <returns>The questions by id, each with its path, for the checks that name them.</returns>
    public Dictionary<string, (ScreeningQuestion Item, string Path)> Check(IReadOnlyList<ScreeningQuestion> questions, IReadOnlySet<string> techniqueTags)
    {
        var entries = ItemPaths.Of(questions, "$.questions");
        foreach (var (question, path) in entries)
        {
            text.Check(File, path + ".id", question.Id, ContentLimits.Label, label: true);
            text.Check(File, path + ".text", question.Text, ContentLimits.ShortText);
            if (question.Hint is not null)
            {
                text.Check(File, path + ".hint", question.Hint, ContentLimits.ShortText);
            }

            if (question.Advice is not null)
            {
                text.Check(File, path + ".advice", question.Advice, ContentLimits.ChatText);
            }
            else if (question.Level == ScreeningLevel.Soon)
            {
                Add(path + ".advice", "is missing: a reason for a check-up is told as the question's advice");
            }

            CheckExclusions(path, question, techniqueTags);
        }

        return UniqueValues.RequireUnique(errors, File, entries, e => (e.Item.Id, e.Path + ".id"));
    }

    private void CheckExclusions(string path, ScreeningQuestion question, IReadOnlySet<string> techniqueTags)
    {
        if (question.Level != ScreeningLevel.Caution)
        {
            // A "yes" that stops the screening rules out every technique, and a reason for a check-up leaves none out.
            if (question.Excludes.Count > 0)
            {
                Add(path + ".excludes", "must be empty: only a caution leaves out techniques");
            }

            return;
        }

        foreach (var (tag, reason) in question.Excludes)
        {
            var tagPath = $"{path}.excludes.{tag}";
            if (!techniqueTags.Contains(tag))
            {
                Add(tagPath, $"\"{tag}\" is not a tag of any technique in {ContentLoader.TechniquesFile} ({string.Join(", ", techniqueTags.Order(StringComparer.Ordinal))}), so it would leave nothing out");
            }

            text.Check(File, tagPath, reason, ContentLimits.ShortText);
        }

        if (question.Excludes.Count == 0 && question.Advice is null)
        {
            Add(path, "neither leaves out a technique (excludes) nor gives advice, so a \"yes\" would change nothing");
        }
    }

    private void Add(string path, string problem) => errors.Add(new ContentError(File, path, problem));
}
