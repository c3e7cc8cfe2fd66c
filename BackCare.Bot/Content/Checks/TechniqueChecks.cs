namespace BackCare.Bot.Content.Checks;

/// <summary>
/// techniques.json beyond its schema: exactly the router's technique ids, each once; names the user can tell apart;
/// texts chat-sized; no hold whose minimum is above its maximum; each adaptation for a caution question that
/// screening.json asks.
/// </summary>
internal sealed class TechniqueChecks(List<ContentError> errors, TextRules text)
{
    private const string File = ContentLoader.TechniquesFile;

    /// <param name="questions">screening.json's follow-up questions by id, which an adaptation names.</param>
    public void Check(IReadOnlyList<Technique> techniques, IReadOnlyDictionary<string, ScreeningQuestion> questions)
    {
        var entries = ItemPaths.Of(techniques, "$.techniques");
        foreach (var (technique, path) in entries)
        {
            text.Check(File, path + ".id", technique.Id, ContentLimits.Label, label: true);
            text.Check(File, path + ".name", technique.Name, ContentLimits.Label, label: true);
            text.Check(File, path + ".summary", technique.Summary, ContentLimits.ShortText);
            text.Check(File, path + ".whereAndWhen", technique.WhereAndWhen, ContentLimits.ShortText);
            text.CheckEach(File, path + ".equipment", technique.Equipment, ContentLimits.ShortText);
            CheckSteps(path, technique.Steps);
            text.CheckEach(File, path + ".cautions", technique.Cautions, ContentLimits.ShortText);
            text.CheckEach(File, path + ".tags", technique.Tags, ContentLimits.Label, label: true);
            foreach (var (adaptation, adaptationPath) in ItemPaths.Of(technique.Adaptations, path + ".adaptations"))
            {
                CheckAdaptation(adaptationPath, adaptation, questions);
            }
        }

        UniqueValues.RequireExactly(errors, File, "$.techniques", entries.Select(e => ((string?)e.Item.Id, e.Path + ".id")), KnowledgeIds.Techniques, "technique");
        UniqueValues.RequireDistinct(errors, File, entries.Select(e => ((string?)e.Item.Name, e.Path + ".name")), "technique name");
    }

    /// <summary>A technique's adapted form: for a caution question that exists, with steps like any technique's.</summary>
    private void CheckAdaptation(string path, TechniqueAdaptation adaptation, IReadOnlyDictionary<string, ScreeningQuestion> questions)
    {
        if (!questions.TryGetValue(adaptation.ForCaution ?? string.Empty, out var question) || question.Level != ScreeningLevel.Caution)
        {
            errors.Add(new ContentError(File, path + ".forCaution", $"\"{adaptation.ForCaution}\" is not the id of a caution question in {ContentLoader.ScreeningFile}"));
        }

        text.Check(File, path + ".name", adaptation.Name, ContentLimits.Label, label: true);
        text.Check(File, path + ".summary", adaptation.Summary, ContentLimits.ShortText);
        text.CheckEach(File, path + ".equipment", adaptation.Equipment, ContentLimits.ShortText);
        CheckSteps(path, adaptation.Steps);
    }

    /// <summary>The schema has checked that there are steps and each hold's range; a minimum above the maximum it cannot see.</summary>
    private void CheckSteps(string techniquePath, IReadOnlyList<TechniqueStep> steps)
    {
        foreach (var (step, path) in ItemPaths.Of(steps, techniquePath + ".steps"))
        {
            text.Check(File, path + ".title", step.Title, ContentLimits.Label, label: true);
            text.Check(File, path + ".text", step.Text, ContentLimits.ChatText);
            if (step.Hold is { } hold && hold.MinSeconds > hold.MaxSeconds)
            {
                errors.Add(new ContentError(File, path + ".hold", $"minSeconds ({hold.MinSeconds}) is more than maxSeconds ({hold.MaxSeconds})"));
            }
        }
    }
}
