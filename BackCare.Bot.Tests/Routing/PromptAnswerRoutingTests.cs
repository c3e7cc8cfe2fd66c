using Xunit.Abstractions;

namespace BackCare.Bot.Tests.Routing;

/// <summary>
/// Answers typed at the bot's own questions ("about 3 days", "nope", "a little better thanks") are not questions: the
/// router, which runs before the waiting prompt reads them, must leave them on the fallback (TestData/routing-prompt-answers.tsv).
/// </summary>
public sealed class PromptAnswerRoutingTests(ITestOutputHelper output)
{
    [Fact]
    public void Answers_to_the_bots_own_questions_are_left_to_the_question()
    {
        var set = RoutingEvalSet.Load("routing-prompt-answers.tsv");
        var report = set.Evaluate(SharedRouter.Message);
        output.WriteLine(report.Format());

        Assert.True(set.Cases.Count >= 20, "the prompt answers did not load fully");
        Assert.Empty(report.Misses);
    }
}
