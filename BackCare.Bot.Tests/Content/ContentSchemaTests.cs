using System.Text.Json;
using System.Text.Json.Nodes;
using BackCare.Bot.Content;

namespace BackCare.Bot.Tests.Content;

/// <summary>
/// The knowledge files' JSON Schemas (Content/Schemas): each data file that has one names it with "$schema", so an
/// editor checks while typing, and the loader checks it at start-up with the file and the field in every problem.
/// </summary>
public sealed class ContentSchemaTests : IDisposable
{
    private const string Messages = ContentLoader.MessagesFile;
    private const string LocalHelp = ContentLoader.LocalHelpFile;

    private readonly ContentDirectory _content = new();

    /// <summary>Every schema: each data file is an object (a list sits under a property) so that it can carry "$schema".</summary>
    public static TheoryData<string> SchemaFiles() => new(SchemaFileNames());

    private static string SchemaDirectory => Path.Combine(KnowledgeBase.DefaultDirectory, "..", "Schemas");

    private static string DataFileOf(string schemaFile) => schemaFile.Replace(".schema.json", ".json", StringComparison.Ordinal);

    private static JsonNode ReadData(string dataFile) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(KnowledgeBase.DefaultDirectory, dataFile)), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;

    private static IEnumerable<string> SchemaFileNames() =>
        Directory.GetFiles(SchemaDirectory, "*.schema.json").Select(Path.GetFileName).OfType<string>();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void The_files_people_edit_most_have_a_schema() =>
        Assert.Equal([ContentLoader.AnswersFile, LocalHelp, Messages, "poses.json", ContentLoader.ScreeningFile, ContentLoader.TechniquesFile, ContentLoader.TipsFile], SchemaFileNames().Select(DataFileOf).Order());

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void A_data_file_names_its_schema_where_an_editor_finds_it(string schemaFile)
    {
        var dataFile = DataFileOf(schemaFile);
        var data = ReadData(dataFile);

        var reference = (string?)data[ContentSchemas.SchemaProperty];

        Assert.Equal(ContentSchemas.ReferenceFor(dataFile), reference);
        Assert.True(File.Exists(Path.Combine(KnowledgeBase.DefaultDirectory, reference!)), $"{dataFile} names {reference}, which is not there");
    }

    [Fact]
    public void Every_schema_a_data_file_names_is_found_from_the_file_s_folder_as_an_editor_looks_for_it()
    {
        var named = 0;
        foreach (var file in Directory.GetFiles(KnowledgeBase.DefaultDirectory, "*.json"))
        {
            if (ReadData(Path.GetFileName(file)) is JsonObject data && (string?)data[ContentSchemas.SchemaProperty] is { } reference)
            {
                named++;
                Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, reference)), $"{Path.GetFileName(file)} names {reference}, which is not there");
            }
        }

        Assert.True(named >= SchemaFileNames().Count(), $"only {named} data files name a schema");
    }

    [Fact]
    public void A_list_file_in_the_old_shape_is_told_it_must_be_an_object()
    {
        _content.Write(ContentLoader.TipsFile, JsonNode.Parse(_content.Read(ContentLoader.TipsFile))!["tips"]!.ToJsonString());

        ContentDirectory.AssertError(_content.LoadFails(), ContentLoader.TipsFile, "$", "\"object\"");
    }

    [Fact]
    public void A_misspelt_property_is_named()
    {
        _content.Edit(Messages, root => root["welcomme"] = "Hello");

        ContentDirectory.AssertError(_content.LoadFails(), Messages, "$.welcomme", "not a property that belongs here");
    }

    [Fact]
    public void A_message_that_is_not_text_is_named_with_what_is_expected()
    {
        _content.Edit(Messages, root => root["welcome"] = 3);

        ContentDirectory.AssertError(_content.LoadFails(), Messages, "$.welcome", "Text the bot sends");
    }

    [Fact]
    public void A_blank_local_help_value_is_named()
    {
        _content.Edit(LocalHelp, root => root["default"]!["emergencyNumber"] = " ");

        ContentDirectory.AssertError(_content.LoadFails(), LocalHelp, "$.default.emergencyNumber", "not blank");
    }

    [Fact]
    public void No_reminder_prompts_at_all_is_refused()
    {
        _content.Edit(Messages, root => root["reminderPrompts"] = new JsonArray());

        ContentDirectory.AssertError(_content.LoadFails(), Messages, "$.reminderPrompts", "at least 1");
    }

    [Fact]
    public void A_reminder_prompt_without_its_tags_is_refused()
    {
        _content.Edit(Messages, root => root["reminderPrompts"]![0]!.AsObject().Remove("tags"));

        ContentDirectory.AssertError(_content.LoadFails(), Messages, "$.reminderPrompts[0]", "tags");
    }

    [Fact]
    public void Reminder_prompts_that_are_all_tagged_are_refused()
    {
        _content.Edit(Messages, root =>
        {
            foreach (var prompt in root["reminderPrompts"]!.AsArray())
            {
                prompt!["tags"] = new JsonArray("twisting");
            }
        });

        ContentDirectory.AssertError(_content.LoadFails(), Messages, "$.reminderPrompts", "at least one prompt with no tags");
    }

    [Fact]
    public void A_screening_id_that_is_not_lower_case_and_hyphenated_is_named()
    {
        _content.Edit(ContentLoader.ScreeningFile, root => root["questions"]![0]!["id"] = "Blood Thinners");

        ContentDirectory.AssertError(_content.LoadFails(), ContentLoader.ScreeningFile, "$.questions[0].id", "lower-case, hyphenated");
    }

    [Fact]
    public void A_screening_level_that_does_not_exist_is_named_with_those_that_do()
    {
        _content.Edit(ContentLoader.ScreeningFile, root => root["checks"]![0]!["level"] = "urgent");

        ContentDirectory.AssertError(_content.LoadFails(), ContentLoader.ScreeningFile, "$.checks[0].level", "seeDoctorFirst");
    }

    [Fact]
    public void A_file_without_its_schema_reference_still_loads()
    {
        _content.Edit(Messages, root => root.AsObject().Remove(ContentSchemas.SchemaProperty));

        Assert.NotNull(ContentLoader.Load(_content.Path).Messages.Welcome);
    }
}
