namespace BackCare.Bot.Content.Checks;

/// <summary>tips.json beyond its schema: exactly the router's tip ids, each once; titles that differ; texts chat-sized.</summary>
internal sealed class TipChecks(List<ContentError> errors, TextRules text)
{
    private const string File = ContentLoader.TipsFile;

    public void Check(IReadOnlyList<Tip> tips)
    {
        var entries = ItemPaths.Of(tips, "$.tips");
        foreach (var (tip, path) in entries)
        {
            text.Check(File, path + ".id", tip.Id, ContentLimits.Label, label: true);
            text.Check(File, path + ".title", tip.Title, ContentLimits.Label, label: true);
            text.Check(File, path + ".summary", tip.Summary, ContentLimits.ShortText, overflowsToMore: true);
            text.Check(File, path + ".more", tip.More, ContentLimits.MoreText);
        }

        UniqueValues.RequireExactly(errors, File, "$.tips", entries.Select(e => ((string?)e.Item.Id, e.Path + ".id")), KnowledgeIds.Tips, "tip");
        UniqueValues.RequireDistinct(errors, File, entries.Select(e => ((string?)e.Item.Title, e.Path + ".title")), "tip title");
    }
}
