using BackCare.Bot.Hosting;
using BackCare.Bot.Routing.Semantic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackCare.Bot.Tests.Routing.Semantic;

public sealed class SemanticRoutingRegistrationTests
{
    [Fact]
    public void The_bot_gets_the_semantic_layer_by_default()
    {
        using var services = BotServices(new Dictionary<string, string?>());

        var matcher = services.GetRequiredService<ISemanticMatcher>();

        Assert.True(matcher.IsEnabled);
        Assert.Same(SharedSemanticMatcher.Default, matcher);
    }

    [Fact]
    public void Switched_off_in_the_settings_the_bot_gets_no_semantic_layer()
    {
        using var services = BotServices(new Dictionary<string, string?> { ["BackCare:SemanticRouting"] = "false" });

        var matcher = services.GetRequiredService<ISemanticMatcher>();

        Assert.IsType<NoSemanticMatcher>(matcher);
        Assert.Empty(matcher.Match("is foam rolling better than stretching?"));
    }

    [Fact]
    public void Every_service_provider_shares_one_matcher()
    {
        using var first = BotServices(new Dictionary<string, string?>());
        using var second = BotServices(new Dictionary<string, string?>());

        var matcher = first.GetRequiredService<ISemanticMatcher>();
        Assert.Same(matcher, second.GetRequiredService<ISemanticMatcher>());

        // Disposing a provider must leave the shared matcher working for the others.
        first.Dispose();
        Assert.NotEmpty(second.GetRequiredService<ISemanticMatcher>().Match("knee to chest"));
    }

    [Fact]
    public async Task Callers_racing_for_the_first_instance_get_one_instance()
    {
        using var file = new TemporaryExamples(Guid.NewGuid().ToString());
        using var start = new ManualResetEventSlim();
        var racers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return SharedSemanticMatcher.ForFile(file.Path);
        })).ToArray();
        start.Set();

        var matchers = await Task.WhenAll(racers);

        Assert.All(matchers, m => Assert.Same(matchers[0], m));
    }

    [Fact]
    public void The_instance_is_per_file_content()
    {
        using var file = new TemporaryExamples("first");
        var first = SharedSemanticMatcher.ForFile(file.Path);

        Assert.Same(first, SharedSemanticMatcher.ForFile(file.Path));
        file.Rewrite("second");
        var second = SharedSemanticMatcher.ForFile(file.Path);

        Assert.NotSame(first, second);
        Assert.All(second.Match("thing", top: 26), m => Assert.StartsWith("second thing about", m.Example, StringComparison.Ordinal));
    }

    private static ServiceProvider BotServices(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddBackCareBot();
        return services.BuildServiceProvider();
    }

    /// <summary>A minimal valid examples file (one phrasing per id, each marked with a word) in a temporary folder.</summary>
    private sealed class TemporaryExamples : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("backcare-examples-").FullName;

        public TemporaryExamples(string marker)
        {
            Rewrite(marker);
        }

        public string Path => System.IO.Path.Combine(_directory, SemanticExamplesLoader.FileName);

        public void Rewrite(string marker)
        {
            var entries = SemanticExamplesLoader.RequiredIds.Select(id => $"\"{id}\": [\"{marker} thing about {id}\"]");
            File.WriteAllText(Path, "{" + string.Join(",", entries) + "}");
        }

        public void Dispose() => Directory.Delete(_directory, recursive: true);
    }
}
