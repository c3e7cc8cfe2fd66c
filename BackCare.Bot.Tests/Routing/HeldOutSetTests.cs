using Xunit.Abstractions;

namespace BackCare.Bot.Tests.Routing;

/// <summary>
/// The router against phrasings written before it was tuned and never tuned on (TestData/routing-heldout.tsv):
/// typos, slang, rambling, two topics at once, negations, and off-topic uses of crack, pop, back and roll.
/// </summary>
public sealed class HeldOutSetTests(ITestOutputHelper output)
{
    [Fact]
    public void Held_out_set_top1_accuracy_is_at_least_97_percent_with_every_red_flag_right_and_no_off_topic_answered()
    {
        var set = RoutingEvalSet.Load("routing-heldout.tsv");
        var report = set.Evaluate(SharedRouter.Message);
        output.WriteLine(report.Format());

        Assert.True(set.Cases.Count >= 80, "the held-out set should hold at least 80 phrasings");
        Assert.Empty(report.UrgentMisses);
        Assert.Empty(report.OffTopicMisses);
        Assert.True(report.Accuracy >= 0.97, $"top-1 accuracy {report.Accuracy:P1} is below 97 %");
    }
}
