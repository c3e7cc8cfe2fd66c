using Xunit.Abstractions;

namespace BackCare.Bot.Tests.Routing;

/// <summary>
/// The whole router on held-out set 4 (TestData/routing-heldout4.tsv), written by an independent tester during the
/// tuning for issue 9 without seeing the routing data or the other sets, scored on what the user is shown. The floors
/// sit just under the figures of the build it was written against (main at 4df32ee: 234/255, 91.8 %; 5 of 50 red
/// flags missed, 1 false alarm, 5 of 39 off-topic answered), so a change that loses ground on unseen wording fails;
/// raise them as the router gets better.
/// </summary>
public sealed class HeldOutSet4Tests(ITestOutputHelper output)
{
    [Fact]
    public void Held_out_set_4_written_by_an_independent_tester_loses_no_ground_on_unseen_wording()
    {
        var set = RoutingEvalSet.Load("routing-heldout4.tsv");
        var report = set.Evaluate(SharedRouter.Message);
        output.WriteLine(report.Format());

        Assert.True(set.Cases.Count >= 250, "held-out set 4 did not load fully");
        Assert.True(set.Cases.Count(c => c.ExpectsOnlyUrgent) >= 45, "held-out set 4 should hold at least 45 red flags");
        Assert.True(report.Accuracy >= 0.94, $"shown right {report.Accuracy:P1}, below 94 % (94.9 % after the router and findings merges, 91.8 % when the set was written)");

        // Not every red flag is caught yet (5 of 50 were missed when the set was written: bladder sensation and
        // "can't hold my water", a misspelt bowel-control line, one leg weakening, a fall from a trampoline); the
        // floor is that no more are missed. Make it Assert.Empty once the router catches them all.
        Assert.True(report.UrgentMisses.Count <= 2, $"{report.UrgentMisses.Count} red flags missed (2 now, 5 when the set was written)");
        Assert.True(report.FalseAlarms.Count <= 1, $"{report.FalseAlarms.Count} false emergency answers (1 when the set was written)");
        Assert.True(report.OffTopicMisses.Count <= 2, $"{report.OffTopicMisses.Count} off-topic messages answered (2 now, 5 when the set was written)");
    }
}
