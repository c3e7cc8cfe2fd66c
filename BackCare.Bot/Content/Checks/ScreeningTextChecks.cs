namespace BackCare.Bot.Content.Checks;

/// <summary>
/// screening.json's own texts beyond the schema: the introduction, the duration question with the phrases it
/// understands, and the outcomes, chat-sized, "soon" with its one placeholder.
/// </summary>
internal sealed class ScreeningTextChecks(List<ContentError> errors, TextRules text)
{
    private const string File = ContentLoader.ScreeningFile;

    public void Check(ScreeningScript screening)
    {
        text.Check(File, "$.introduction", screening.Introduction, ContentLimits.ChatText);

        text.Check(File, "$.duration.text", screening.Duration.Text, ContentLimits.ShortText);
        text.Check(File, "$.duration.retryText", screening.Duration.RetryText, ContentLimits.ShortText);
        text.Check(File, "$.duration.longStandingAdvice", screening.Duration.LongStandingAdvice, ContentLimits.ShortText);
        CheckVocabulary(screening.Duration.Vocabulary);

        var outcomes = screening.Outcomes;
        text.Check(File, "$.outcomes.emergency", outcomes.Emergency, ContentLimits.ChatText);
        text.Check(File, "$.outcomes.sameDay", outcomes.SameDay, ContentLimits.ChatText);
        text.Check(File, "$.outcomes.seeDoctorFirst", outcomes.SeeDoctorFirst, ContentLimits.ChatText);
        if (text.Check(File, "$.outcomes.soon", outcomes.Soon, ContentLimits.ChatText))
        {
            Placeholders.Check(errors, File, "$.outcomes.soon", outcomes.Soon, ["the reasons for a check-up"]);
        }

        text.Check(File, "$.outcomes.cautions", outcomes.Cautions, ContentLimits.ChatText);
        text.Check(File, "$.outcomes.clear", outcomes.Clear, ContentLimits.ChatText);
    }

    /// <summary>Phrases are matched as whole words; a blank one would match between any two words.</summary>
    private void CheckVocabulary(DurationVocabulary vocabulary)
    {
        const string VocabularyPath = "$.duration.vocabulary";
        foreach (var (word, rewrite) in vocabulary.Rewrites)
        {
            text.Check(File, $"{VocabularyPath}.rewrites.{word}", word, ContentLimits.Label, label: true);
            text.Check(File, $"{VocabularyPath}.rewrites.{word}", rewrite, ContentLimits.Label, label: true);
        }

        // The schema has checked the numbers' ranges and that each vague length has phrases.
        for (var i = 0; i < vocabulary.VagueLengths.Count; i++)
        {
            text.CheckEach(File, $"{VocabularyPath}.vagueLengths[{i}].phrases", vocabulary.VagueLengths[i].Phrases, ContentLimits.Label, label: true);
        }

        text.CheckEach(File, VocabularyPath + ".atLeast", vocabulary.AtLeast, ContentLimits.Label, label: true);
        text.CheckEach(File, VocabularyPath + ".recurrent", vocabulary.Recurrent, ContentLimits.Label, label: true);
        text.CheckEach(File, VocabularyPath + ".unsure", vocabulary.Unsure, ContentLimits.Label, label: true);
    }
}
