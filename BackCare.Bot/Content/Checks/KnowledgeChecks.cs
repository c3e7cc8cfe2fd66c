namespace BackCare.Bot.Content.Checks;

/// <summary>
/// The checks neither the JSON serializer nor a file's schema (<see cref="ContentSchemas"/>) can make, one class per
/// file, run in the order their findings feed each other: local help first (every text must fit with its longest
/// values), then screening's questions (which techniques' adaptations name), then the rest. Every problem is
/// collected rather than stopping at the first, so one run of the bot shows an editor everything to fix.
/// </summary>
internal sealed class KnowledgeChecks(List<ContentError> errors)
{
    public void Check(
        IReadOnlyList<Technique> techniques,
        IReadOnlyList<Answer> answers,
        IReadOnlyList<Tip> tips,
        ScreeningScript screening,
        BotMessages messages,
        LocalHelpFile localHelp)
    {
        var text = new TextRules(errors, new LocalHelpChecks(errors).Check(localHelp));
        var tags = techniques.SelectMany(t => t.Tags).ToHashSet(StringComparer.Ordinal);

        var questions = new ScreeningQuestionChecks(errors, text).Check(screening.Questions, tags);
        new ScreeningOrderChecks(errors, text).Check(screening, questions);
        new ScreeningTextChecks(errors, text).Check(screening);
        new TechniqueChecks(errors, text).Check(techniques, questions.ToDictionary(q => q.Key, q => q.Value.Item, StringComparer.Ordinal));
        new TipChecks(errors, text).Check(tips);

        var routingIds = techniques.Select(t => t.RoutingId).Concat(answers.Select(a => a.Id)).Concat(tips.Select(t => t.Id)).ToHashSet(StringComparer.Ordinal);
        new AnswerChecks(errors, text).Check(answers, routingIds);
        new MessageChecks(errors, text).Check(messages, tags);
    }
}
