using System.Text.Json.Nodes;
using BackCare.Bot.Routing;
using BackCare.Bot.Routing.Semantic;

namespace BackCare.Bot.Tests.Routing.Semantic;

public sealed class SemanticExamplesLoaderTests
{
    private const string FilePath = "test/examples.json";

    [Fact]
    public void The_shipped_examples_cover_every_routing_id_with_enough_phrasings()
    {
        var examples = SemanticExamplesLoader.Load(SemanticExamplesLoader.DefaultPath);

        var counts = examples.GroupBy(e => e.Intent).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(SemanticExamplesLoader.RequiredIds.Order(), counts.Keys.Order());
        Assert.All(counts, pair => Assert.True(pair.Value >= 15, $"{pair.Key} has only {pair.Value} examples"));
    }

    [Fact]
    public void Every_routing_id_of_routing_json_and_urgent_and_none_is_required()
    {
        var routingIds = RoutingModelLoader.Load(Path.Combine(AppContext.BaseDirectory, KeywordRouter.DefaultRelativePath)).Entries.Select(e => e.Id);

        Assert.Equal(routingIds.Append(RoutingIds.Urgent).Append(RoutingIds.None).Order(), SemanticExamplesLoader.RequiredIds.Order());
    }

    [Fact]
    public void An_unknown_id_is_an_error_naming_the_file_and_the_id()
    {
        var error = Assert.Throws<SemanticExamplesException>(() => Parse(file => file["faq:made-up"] = new JsonArray("what is this")));

        Assert.Equal(FilePath, error.FilePath);
        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("faq:made-up:", problem);
        Assert.Contains(FilePath, error.Message);
        Assert.Contains("faq:made-up", error.Message);
    }

    [Fact]
    public void An_empty_list_is_an_error_naming_the_id()
    {
        var error = Assert.Throws<SemanticExamplesException>(() => Parse(file => file["tip:sleep"] = new JsonArray()));

        Assert.Equal("tip:sleep: has no example phrasings", Assert.Single(error.Problems));
    }

    [Fact]
    public void A_missing_id_is_an_error_naming_the_id()
    {
        var error = Assert.Throws<SemanticExamplesException>(() => Parse(file => file.Remove("urgent")));

        Assert.StartsWith("urgent:", Assert.Single(error.Problems));
    }

    [Fact]
    public void A_phrase_repeated_under_one_id_is_an_error()
    {
        var error = Assert.Throws<SemanticExamplesException>(() => Parse(file => file["tip:core"]!.AsArray().Add("Core   exercises for BACK pain")));

        Assert.Equal("tip:core: \"Core   exercises for BACK pain\" is listed twice", Assert.Single(error.Problems));
    }

    [Fact]
    public void A_phrase_under_two_ids_is_an_error_naming_both()
    {
        var error = Assert.Throws<SemanticExamplesException>(() => Parse(file => file["none"]!.AsArray().Add("core exercises for back pain")));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("none:", problem);
        Assert.Contains("tip:core", problem);
    }

    [Fact]
    public void A_blank_phrase_is_an_error()
    {
        var error = Assert.Throws<SemanticExamplesException>(() => Parse(file => file["tip:core"]!.AsArray().Add("   ")));

        Assert.Equal("tip:core: has an empty phrasing", Assert.Single(error.Problems));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<SemanticExamplesException>(() => Parse(file =>
        {
            file["tip:sleep"] = new JsonArray();
            file["topic:made-up"] = new JsonArray("x y z");
        }));

        Assert.Equal(2, error.Problems.Count);
    }

    [Fact]
    public void Malformed_json_is_an_error_naming_the_file()
    {
        var error = Assert.Throws<SemanticExamplesException>(() => SemanticExamplesLoader.Parse("{ \"tip:sleep\": [ \"a\", ", FilePath));

        Assert.Equal(FilePath, error.FilePath);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public void A_list_that_is_not_a_list_of_text_is_an_error_naming_the_id()
    {
        var error = Assert.Throws<SemanticExamplesException>(() => Parse(file => file["tip:sleep"] = 3));

        Assert.Contains("tip:sleep", Assert.Single(error.Problems));
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "examples.json");

        var error = Assert.Throws<SemanticExamplesException>(() => SemanticExamplesLoader.Load(path));

        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void Phrasings_are_kept_with_their_whitespace_tidied()
    {
        var examples = Parse(file => file["tip:core"]!.AsArray().Add("  plank\ttips,\nplease  "));

        Assert.Contains(new SemanticExample("tip:core", "plank tips, please"), examples);
    }

    /// <summary>The shipped file, changed one way, parsed under a made-up path.</summary>
    private static IReadOnlyList<SemanticExample> Parse(Action<JsonObject> edit)
    {
        var file = JsonNode.Parse(
            File.ReadAllText(SemanticExamplesLoader.DefaultPath),
            documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        edit(file);
        return SemanticExamplesLoader.Parse(file.ToJsonString(), FilePath);
    }
}
