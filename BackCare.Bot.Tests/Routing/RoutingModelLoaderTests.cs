using System.Text.Json;
using System.Text.Json.Nodes;
using BackCare.Bot.Routing;

namespace BackCare.Bot.Tests.Routing;

/// <summary>A broken routing.json stops the start-up with the file and the field named.</summary>
public sealed class RoutingModelLoaderTests : IDisposable
{
    private static readonly string ShippedPath = Path.Combine(AppContext.BaseDirectory, KeywordRouter.DefaultRelativePath);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "routing-tests-" + Guid.NewGuid().ToString("N"));

    public RoutingModelLoaderTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_shipped_file_loads()
    {
        var model = RoutingModelLoader.Load(ShippedPath);
        Assert.Equal(ShippedPath, model.SourcePath);
        Assert.Equal(RoutingIds.Knowledge.Order(), model.Entries.Select(e => e.Id).Order());
    }

    [Fact]
    public void An_unknown_id_is_named()
    {
        var error = LoadBroken(root => Entry(root, "faq:pregnancy")["id"] = "faq:pregnant-or-not");
        Assert.Contains("entries[", error.Field);
        Assert.EndsWith(".id", error.Field);
        Assert.Contains("faq:pregnant-or-not", error.Message);
    }

    [Fact]
    public void A_missing_entry_is_named()
    {
        var error = LoadBroken(root => root["entries"]!.AsArray().Remove(Entry(root, "tip:sleep")));
        Assert.Equal("entries", error.Field);
        Assert.Contains("tip:sleep", error.Message);
    }

    [Fact]
    public void A_duplicate_entry_is_named()
    {
        var error = LoadBroken(root => root["entries"]!.AsArray().Add(Entry(root, "tip:sleep").DeepClone()));
        Assert.Contains("(tip:sleep).id", error.Field);
    }

    [Fact]
    public void An_empty_keyword_is_named()
    {
        var error = LoadBroken(root => Entry(root, "tip:core")["keywords"]!.AsObject().Add("", 2));
        Assert.Matches(@"^entries\[\d+\] \(tip:core\)\.keywords\[""""\]$", error.Field);
    }

    [Fact]
    public void A_stop_word_keyword_is_named()
    {
        var error = LoadBroken(root => Entry(root, "tip:core")["keywords"]!.AsObject().Add("the", 2));
        Assert.EndsWith("(tip:core).keywords[\"the\"]", error.Field);
        Assert.Contains("stop word", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(11)]
    public void A_bad_weight_is_named(double weight)
    {
        var error = LoadBroken(root => Entry(root, "tip:stress")["keywords"]!["stress"] = weight);
        Assert.EndsWith("(tip:stress).keywords[\"stress\"]", error.Field);
        Assert.Contains("weight", error.Message);
    }

    [Fact]
    public void Thresholds_out_of_order_are_named()
    {
        var error = LoadBroken(root =>
        {
            root["thresholds"]!["answer"] = 0.2;
            root["thresholds"]!["clarify"] = 0.5;
        });
        Assert.Equal("thresholds", error.Field);
        Assert.Contains("clarify", error.Message);
    }

    [Fact]
    public void A_threshold_out_of_range_is_named()
    {
        var error = LoadBroken(root => root["thresholds"]!["answer"] = 1.5);
        Assert.Equal("thresholds.answer", error.Field);
    }

    [Fact]
    public void A_misspelt_field_is_named()
    {
        var error = LoadBroken(root =>
        {
            var entry = Entry(root, "tip:posture");
            entry["keywrods"] = entry["keywords"]!.DeepClone();
        });
        Assert.Contains("keywrods", error.Message);
    }

    [Fact]
    public void A_missing_section_is_named()
    {
        var error = LoadBroken(root => root.Remove("urgent"));
        Assert.Contains("urgent", error.Message);
    }

    [Fact]
    public void An_urgent_rule_with_an_empty_group_is_named()
    {
        var error = LoadBroken(root => root["urgent"]!["rules"]![0]!["groups"]!.AsArray().Add(new JsonArray()));
        Assert.Equal("urgent.rules[0].groups[1]", error.Field);
    }

    [Fact]
    public void Malformed_json_is_named_with_its_place()
    {
        var path = Path.Combine(_directory, "routing.json");
        File.WriteAllText(path, File.ReadAllText(ShippedPath).Replace("\"thresholds\": {", "\"thresholds\": {{", StringComparison.Ordinal));
        var error = Assert.Throws<RoutingModelException>(() => RoutingModelLoader.Load(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(_directory, "nowhere.json");
        var error = Assert.Throws<RoutingModelException>(() => RoutingModelLoader.Load(path));
        Assert.Equal(path, error.FilePath);
    }

    private RoutingModelException LoadBroken(Action<JsonObject> breakIt)
    {
        var root = JsonNode.Parse(
            File.ReadAllText(ShippedPath),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        breakIt(root);
        var path = Path.Combine(_directory, "routing.json");
        File.WriteAllText(path, root.ToJsonString());

        var error = Assert.Throws<RoutingModelException>(() => RoutingModelLoader.Load(path));
        Assert.Equal(path, error.FilePath);
        Assert.StartsWith(path + ": " + error.Field + ": ", error.Message);
        return error;
    }

    private static JsonObject Entry(JsonObject root, string id) =>
        root["entries"]!.AsArray().Single(e => (string?)e!["id"] == id)!.AsObject();
}
