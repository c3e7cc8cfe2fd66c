using BackCare.Bot.Routing;
using Xunit.Abstractions;

namespace BackCare.Bot.Tests.Routing;

/// <summary>
/// The subjects patients ask about beyond the article (issue 10, item 12), each with its own routing id: phrasings
/// in chat language written before the keywords and examples were tuned (TestData/routing-new-subjects.tsv), and
/// other senses of their words ("heated argument", "driving test", "scan a document") kept on the fallback.
/// </summary>
public sealed class NewSubjectsTests(ITestOutputHelper output)
{
    // Written out rather than taken from KnowledgeIds, so that losing an id from the data or the code fails here.
    public static readonly string[] NewIds =
    [
        "topic:sciatica", "topic:slept-wrong", "topic:heat-or-ice", "topic:painkillers", "topic:bed-rest-and-work",
        "topic:running-and-gym", "topic:desk-setup", "topic:how-long", "topic:driving", "topic:sex", "topic:lifting-children",
        "topic:scans", "topic:back-braces", "topic:physio-or-chiropractor", "topic:inflammatory-stiffness", "topic:children-and-teens",
    ];

    private static readonly RoutingEvalSet Set = RoutingEvalSet.Load("routing-new-subjects.tsv");

    public static TheoryData<string> Traps() => new(Set.Cases.Where(c => c.ExpectsNone).Select(c => c.Text));

    [Fact]
    public void Every_new_id_has_at_least_four_phrasings_and_the_router_knows_it()
    {
        foreach (var id in NewIds)
        {
            Assert.True(Set.Cases.Count(c => c.Expected.Contains(id)) >= 4, $"{id} has fewer than 4 phrasings in the set");
            Assert.Contains(id, RoutingIds.Knowledge);
            Assert.NotNull(SharedRouter.Default.GetTitle(id));
        }
    }

    [Fact]
    public void Each_new_subject_is_answered_by_its_own_id_and_no_trap_is_answered()
    {
        var report = Set.Evaluate(SharedRouter.Message);
        output.WriteLine(report.Format());
        var perId = NewIds
            .Select(id => (Id: id, Cases: Set.Cases.Where(c => c.Expected.Contains(id)).ToList()))
            .Select(x => (x.Id, Total: x.Cases.Count, Right: x.Cases.Count(c => report.Misses.All(m => m.Case != c))))
            .ToList();
        foreach (var (id, total, right) in perId)
        {
            output.WriteLine($"  {id}: {right}/{total}");
        }

        Assert.Empty(report.OffTopicMisses);
        Assert.Empty(report.FalseAlarms);
        Assert.All(perId, x => Assert.True(x.Right >= x.Total - 1, $"{x.Id}: only {x.Right} of {x.Total} phrasings answered by it"));
        Assert.True(report.Accuracy >= 0.9, $"shown right {report.Accuracy:P1}, below 90 %");
    }

    [Theory]
    [MemberData(nameof(Traps))]
    public void Another_sense_of_a_new_subjects_word_gets_the_fallback(string message)
    {
        var route = SharedRouter.Message.Route(message);

        Assert.Equal(RoutingDecision.Fallback, route.Decision);
    }
}
