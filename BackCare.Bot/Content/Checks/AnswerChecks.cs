namespace BackCare.Bot.Content.Checks;

/// <summary>
/// answers.json beyond its schema: exactly the router's FAQ and topic ids, each once; question titles the "did you
/// mean" buttons can tell apart; texts chat-sized; related ids that are another answer's, a tip's or a technique's.
/// </summary>
internal sealed class AnswerChecks(List<ContentError> errors, TextRules text)
{
    private const string File = ContentLoader.AnswersFile;

    /// <param name="routingIds">Every answer's, tip's and technique's routing id: what "related" may name.</param>
    public void Check(IReadOnlyList<Answer> answers, IReadOnlySet<string> routingIds)
    {
        var entries = ItemPaths.Of(answers, "$.answers");
        foreach (var (answer, path) in entries)
        {
            text.Check(File, path + ".id", answer.Id, ContentLimits.Label, label: true);
            text.Check(File, path + ".question", answer.Question, ContentLimits.Label, label: true);
            text.Check(File, path + ".text", answer.Text, ContentLimits.ChatText, overflowsToMore: true);
            if (answer.More is not null)
            {
                text.Check(File, path + ".more", answer.More, ContentLimits.MoreText);
            }

            for (var k = 0; k < answer.Related.Count; k++)
            {
                CheckRelated($"{path}.related[{k}]", answer.Related[k], answer.Id, routingIds);
            }
        }

        UniqueValues.RequireExactly(errors, File, "$.answers", entries.Select(e => ((string?)e.Item.Id, e.Path + ".id")), [.. KnowledgeIds.Faqs, .. KnowledgeIds.Topics], "FAQ or topic");
        UniqueValues.RequireDistinct(errors, File, entries.Select(e => ((string?)e.Item.Question, e.Path + ".question")), "question title (the \"did you mean\" buttons show it)");
    }

    private void CheckRelated(string path, string related, string answerId, IReadOnlySet<string> routingIds)
    {
        if (!text.Check(File, path, related, ContentLimits.Label, label: true))
        {
            return;
        }

        if (!routingIds.Contains(related))
        {
            errors.Add(new ContentError(File, path, $"\"{related}\" is not the routing id of any answer, tip or technique (e.g. \"faq:how-often\", \"tip:posture\", \"technique:childs-pose\")"));
        }
        else if (string.Equals(related, answerId, StringComparison.Ordinal))
        {
            errors.Add(new ContentError(File, path, $"\"{related}\" points at the answer itself"));
        }
    }
}
