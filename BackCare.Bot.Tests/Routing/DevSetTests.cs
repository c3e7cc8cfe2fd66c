using Xunit.Abstractions;

namespace BackCare.Bot.Tests.Routing;

/// <summary>The router against the shared development set (../shared/eval/routing-dev.tsv, or the copy in TestData).</summary>
public sealed class DevSetTests(ITestOutputHelper output)
{
    [Fact]
    public void Dev_set_top1_accuracy_is_at_least_98_percent_with_every_red_flag_right()
    {
        var set = RoutingEvalSet.LoadDevSet();
        var report = set.Evaluate(SharedRouter.Message);
        output.WriteLine(report.Format());

        Assert.True(set.Cases.Count >= 50, "the development set did not load fully");
        Assert.Empty(report.UrgentMisses);
        Assert.True(report.Accuracy >= 0.98, $"top-1 accuracy {report.Accuracy:P1} is below 98 %");
    }
}
