using BackCare.Bot.Routing.Semantic;

namespace BackCare.Bot.Tests.Routing.Semantic;

public sealed class SemanticMatcherConcurrencyTests
{
    private static readonly string[] Texts =
    [
        "is foam rolling better than stretching?",
        "yes",
        "my legs went weak after I slipped on the stairs",
        "how often is it fine to crack my back",
        "what's the wifi password",
        "child's pose please",
        "I sit at a laptop all day and slouch",
        "does water help my discs",
    ];

    [Fact]
    public async Task Parallel_calls_give_the_same_results_as_serial_calls()
    {
        var matcher = SharedSemanticMatcher.Default;
        var serial = Texts.Select(t => matcher.Match(t)).ToArray();

        // Eight callers at once, each text several times over, released together so the calls overlap.
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, 48).Select(i => Task.Run(() =>
        {
            start.Wait();
            return (Index: i % Texts.Length, Result: matcher.Match(Texts[i % Texts.Length]));
        })).ToArray();
        start.Set();
        var parallel = await Task.WhenAll(calls);

        foreach (var (index, result) in parallel)
        {
            Assert.Equal(serial[index].Select(m => (m.Intent, m.Example)), result.Select(m => (m.Intent, m.Example)));
            Assert.Equal(serial[index].Select(m => m.Similarity), result.Select(m => m.Similarity), (a, b) => Math.Abs(a - b) < 1e-5);
        }
    }
}
