using System.Text.Json.Nodes;
using BackCare.Bot.Content;

namespace BackCare.Bot.Tests.Content;

/// <summary>
/// Each kind of mistake someone editing the knowledge files could make is refused at load, with
/// the file, the JSON path and what is wrong. Every test breaks a copy of the real data in one way.
/// </summary>
public sealed class BrokenContentTests : IDisposable
{
    private const string Techniques = ContentLoader.TechniquesFile;
    private const string Answers = ContentLoader.AnswersFile;
    private const string Tips = ContentLoader.TipsFile;
    private const string Screening = ContentLoader.ScreeningFile;
    private const string Messages = ContentLoader.MessagesFile;

    private readonly ContentDirectory _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void The_unbroken_copy_loads()
    {
        var knowledge = ContentLoader.Load(_content.Path);
        Assert.Equal(5, knowledge.Techniques.Count);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        var text = _content.Read(Answers);
        _content.Write(Answers, text[..(text.Length / 2)]);

        var error = Assert.Single(_content.LoadFails().Errors);
        Assert.Equal(Answers, error.File);
        Assert.Contains("line ", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_property_is_named()
    {
        var text = _content.Read(Messages);
        _content.Write(Messages, text.Replace("\"menuPrompt\":", "\"menuTips\": \"Tips\",\n  \"menuPrompt\":", StringComparison.Ordinal));

        var error = Assert.Single(_content.LoadFails().Errors);
        Assert.Equal(Messages, error.File);
        Assert.Contains("menuTips", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_saved_with_a_byte_order_mark_and_comments_loads()
    {
        _content.Write(Messages, "\uFEFF// A note from an editor.\n" + _content.Read(Messages));

        Assert.NotNull(ContentLoader.Load(_content.Path).Messages.Welcome);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        _content.Delete(Tips);

        AssertError(_content.LoadFails(), Tips, "$", "missing");
    }

    [Fact]
    public void A_missing_required_text_is_named()
    {
        _content.Edit(Techniques, root => root["techniques"]![0]!.AsObject().Remove("summary"));

        AssertError(_content.LoadFails(), Techniques, "$.techniques[0]", "summary");
    }

    [Fact]
    public void A_null_text_is_named()
    {
        _content.Edit(Answers, root => root["answers"]![0]!["text"] = null);

        AssertError(_content.LoadFails(), Answers, "$.answers[0].text", "should be \"string\"");
    }

    [Fact]
    public void An_empty_text_is_named()
    {
        _content.Edit(Techniques, root => root["techniques"]![1]!["steps"]![2]!["text"] = "   ");

        AssertError(_content.LoadFails(), Techniques, "$.techniques[1].steps[2].text", "not blank");
    }

    [Fact]
    public void A_null_entry_in_a_list_is_named()
    {
        _content.Edit(Techniques, root => root["techniques"]![0]!["equipment"]!.AsArray().Add(null));

        AssertError(_content.LoadFails(), Techniques, "$.techniques[0].equipment[1]", "should be \"string\"");
    }

    [Fact]
    public void A_misspelt_property_is_named()
    {
        _content.Edit(Answers, root => root["answers"]![3]!["moer"] = "Typo for more.");

        AssertError(_content.LoadFails(), Answers, "$.answers[3].moer", "not a property that belongs here");
    }

    [Fact]
    public void A_repeated_property_is_refused()
    {
        _content.Write(Messages, _content.Read(Messages).Replace("\"menuTips\":", "\"menuTips\": \"Tips\", \"menuTips\":", StringComparison.Ordinal));

        var error = Assert.Single(_content.LoadFails().Errors);
        Assert.Equal(Messages, error.File);
        Assert.Contains("menuTips", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_is_named()
    {
        _content.Edit(Tips, root => root["tips"]![1]!["id"] = "tip:posture");

        var ex = _content.LoadFails();
        AssertError(ex, Tips, "$.tips[1].id", "duplicate id \"tip:posture\"");
        AssertError(ex, Tips, "$.tips", "tip:movement");
    }

    [Fact]
    public void A_duplicate_technique_id_is_named()
    {
        _content.Edit(Techniques, root => root["techniques"]![4]!["id"] = "knee-to-chest");

        AssertError(_content.LoadFails(), Techniques, "$.techniques[4].id", "duplicate id \"knee-to-chest\"");
    }

    [Fact]
    public void An_id_outside_the_routing_ids_is_named()
    {
        _content.Edit(Answers, root => root["answers"]![5]!["id"] = "faq:is-it-bad");

        var ex = _content.LoadFails();
        AssertError(ex, Answers, "$.answers[5].id", "\"faq:is-it-bad\" is not one of");
        AssertError(ex, Answers, "$.answers", "faq:when-see-doctor");
    }

    [Fact]
    public void A_missing_tip_is_named()
    {
        _content.Edit(Tips, root => root["tips"]!.AsArray().RemoveAt(6));

        AssertError(_content.LoadFails(), Tips, "$.tips", "no entry with id \"tip:hydration\"");
    }

    [Fact]
    public void A_missing_technique_is_named_and_so_are_the_links_to_it()
    {
        _content.Edit(Techniques, root => root["techniques"]!.AsArray().RemoveAt(2));

        var ex = _content.LoadFails();
        AssertError(ex, Techniques, "$.techniques", "no entry with id \"childs-pose\"");
        AssertError(ex, Answers, "$.answers[6].related[0]", "technique:childs-pose");
    }

    [Fact]
    public void A_caution_that_excludes_a_tag_no_technique_has_is_named()
    {
        _content.Edit(Screening, root => Question(root, "blood-thinners")["excludes"]!["inversion"] = "Upside down is not for you.");

        AssertError(_content.LoadFails(), Screening, $"$.questions[{QuestionIndex("blood-thinners")}].excludes.inversion", "\"inversion\" is not a tag of any technique");
    }

    [Fact]
    public void Removing_the_only_tag_a_caution_relies_on_is_caught()
    {
        _content.Edit(Techniques, root => root["techniques"]![4]!["tags"] = new JsonArray("roller", "lying-on-back"));

        AssertError(_content.LoadFails(), Screening, $"$.questions[{QuestionIndex("blood-thinners")}].excludes.sustained-pressure", "\"sustained-pressure\"");
    }

    [Fact]
    public void A_caution_that_changes_nothing_is_named()
    {
        _content.Edit(Screening, root =>
        {
            Question(root, "blood-thinners")["excludes"] = new JsonObject();
            Question(root, "blood-thinners")["advice"] = null;
        });

        AssertError(_content.LoadFails(), Screening, $"$.questions[{QuestionIndex("blood-thinners")}]", "would change nothing");
    }

    [Fact]
    public void A_reason_for_a_check_up_without_its_advice_is_named()
    {
        _content.Edit(Screening, root => Question(root, "night-pain")["advice"] = null);

        AssertError(_content.LoadFails(), Screening, $"$.questions[{QuestionIndex("night-pain")}].advice", "missing");
    }

    [Fact]
    public void A_same_day_question_that_excludes_tags_is_named()
    {
        _content.Edit(Screening, root => Question(root, "fever-unwell")["excludes"] = new JsonObject { ["twisting"] = "No twisting." });

        AssertError(_content.LoadFails(), Screening, $"$.questions[{QuestionIndex("fever-unwell")}].excludes", "must be empty");
    }

    [Fact]
    public void A_follow_up_that_is_not_a_question_is_named()
    {
        _content.Edit(Screening, root => root["checks"]![1]!["followUps"]!.AsArray().Add("dizzy-spells"));

        AssertError(_content.LoadFails(), Screening, "$.checks[1].followUps[9]", "\"dizzy-spells\" is not the id of a question");
    }

    [Fact]
    public void A_question_no_check_asks_is_named()
    {
        _content.Edit(Screening, root => root["checks"]![1]!["followUps"]!.AsArray().RemoveAt(8));

        AssertError(_content.LoadFails(), Screening, $"$.questions[{QuestionIndex("diagnosed-condition")}]", "never be asked");
    }

    [Fact]
    public void A_same_day_follow_up_asked_after_a_see_a_doctor_one_is_named()
    {
        _content.Edit(Screening, root =>
        {
            var followUps = root["checks"]![1]!["followUps"]!.AsArray();
            var first = followUps[0]!;
            followUps.RemoveAt(0);
            followUps.Add(first);
        });

        AssertError(_content.LoadFails(), Screening, "$.checks[1].followUps[8]", "ask the most serious follow-ups first");
    }

    [Fact]
    public void The_emergency_check_asked_after_the_cautions_is_named()
    {
        _content.Edit(Screening, root =>
        {
            var checks = root["checks"]!.AsArray();
            var first = checks[0]!;
            checks.RemoveAt(0);
            checks.Add(first);
        });

        AssertError(_content.LoadFails(), Screening, "$.checks[2]", "order checks most serious first");
    }

    [Fact]
    public void A_screening_question_id_used_twice_is_named_with_the_first_place()
    {
        _content.Edit(Screening, root => root["questions"]![2]!["id"] = root["questions"]![1]!["id"]!.GetValue<string>());

        AssertError(_content.LoadFails(), Screening, "$.questions[2].id", "$.questions[1].id already uses it");
    }

    [Fact]
    public void A_check_id_used_twice_is_named_with_the_first_place()
    {
        _content.Edit(Screening, root => root["checks"]![1]!["id"] = root["checks"]![0]!["id"]!.GetValue<string>());

        AssertError(_content.LoadFails(), Screening, "$.checks[1].id", "duplicate check id");
    }

    [Fact]
    public void An_adaptation_for_an_unknown_caution_is_named()
    {
        _content.Edit(Techniques, root => root["techniques"]![2]!["adaptations"]![0]!["forCaution"] = "twins");

        AssertError(_content.LoadFails(), Techniques, "$.techniques[2].adaptations[0].forCaution", "\"twins\" is not the id of a caution question");
    }

    [Fact]
    public void An_unknown_screening_level_is_named()
    {
        _content.Edit(Screening, root => root["questions"]![1]!["level"] = "urgent");

        var error = Assert.Single(_content.LoadFails().Errors);
        Assert.Equal(Screening, error.File);
        Assert.Equal("$.questions[1].level", error.Path);
    }

    [Fact]
    public void A_related_id_that_does_not_exist_is_named()
    {
        _content.Edit(Answers, root => root["answers"]![2]!["related"]![0] = "faq:does-not-exist");

        AssertError(_content.LoadFails(), Answers, "$.answers[2].related[0]", "\"faq:does-not-exist\" is not the routing id");
    }

    [Fact]
    public void A_related_technique_must_use_its_routing_id()
    {
        _content.Edit(Answers, root => root["answers"]![7]!["related"]![0] = "foam-roller-release");

        AssertError(_content.LoadFails(), Answers, "$.answers[7].related[0]", "technique:childs-pose");
    }

    [Fact]
    public void A_hold_with_min_above_max_is_named()
    {
        _content.Edit(Techniques, root => root["techniques"]![0]!["steps"]![5]!["hold"] = new JsonObject { ["minSeconds"] = 40, ["maxSeconds"] = 30 });

        AssertError(_content.LoadFails(), Techniques, "$.techniques[0].steps[5].hold", "minSeconds (40) is more than maxSeconds (30)");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_hold_of_zero_or_less_is_named(int seconds)
    {
        _content.Edit(Techniques, root => root["techniques"]![2]!["steps"]![3]!["hold"] = new JsonObject { ["minSeconds"] = seconds, ["maxSeconds"] = 10 });

        AssertError(_content.LoadFails(), Techniques, "$.techniques[2].steps[3].hold.minSeconds", "At least 1 second");
    }

    [Fact]
    public void A_hold_missing_its_max_is_named()
    {
        _content.Edit(Techniques, root => root["techniques"]![2]!["steps"]![3]!["hold"] = new JsonObject { ["minSeconds"] = 30 });

        AssertError(_content.LoadFails(), Techniques, "$.techniques[2].steps[3].hold", "maxSeconds");
    }

    [Fact]
    public void A_technique_without_steps_is_named()
    {
        _content.Edit(Techniques, root => root["techniques"]![3]!["steps"] = new JsonArray());

        AssertError(_content.LoadFails(), Techniques, "$.techniques[3].steps", "at least one");
    }

    [Fact]
    public void A_step_text_too_long_for_chat_is_named()
    {
        _content.Edit(Techniques, root => root["techniques"]![1]!["steps"]![0]!["text"] = Sentence(ContentLimits.ChatText + 1));

        AssertError(_content.LoadFails(), Techniques, "$.techniques[1].steps[0].text", $"{ContentLimits.ChatText + 1} characters long; the limit here is {ContentLimits.ChatText}");
    }

    [Fact]
    public void A_text_exactly_at_the_limit_loads()
    {
        _content.Edit(Answers, root => root["answers"]![0]!["text"] = Sentence(ContentLimits.ChatText));

        Assert.Equal(ContentLimits.ChatText, ContentLoader.Load(_content.Path).Answers[0].Text.Length);
    }

    [Fact]
    public void An_answer_text_too_long_for_chat_is_named()
    {
        _content.Edit(Answers, root => root["answers"]![4]!["text"] = Sentence(900));

        AssertError(_content.LoadFails(), Answers, "$.answers[4].text", "move detail to \"more\"");
    }

    [Fact]
    public void A_button_title_too_long_is_named()
    {
        _content.Edit(Answers, root => root["answers"]![0]!["question"] = Sentence(ContentLimits.Label + 10));

        AssertError(_content.LoadFails(), Answers, "$.answers[0].question", $"the limit here is {ContentLimits.Label}");
    }

    [Fact]
    public void Markdown_in_a_step_is_named()
    {
        _content.Edit(Techniques, root => root["techniques"]![0]!["steps"]![0]!["text"] = "Sit **tall** in the chair.");

        AssertError(_content.LoadFails(), Techniques, "$.techniques[0].steps[0].text", "keep the text plain");
    }

    [Fact]
    public void A_format_string_missing_a_placeholder_is_named()
    {
        _content.Edit(Messages, root => root["clarifyPrompt"] = "Did you mean \"{0}\"?");

        AssertError(_content.LoadFails(), Messages, "$.clarifyPrompt", "lacks {1}");
    }

    [Fact]
    public void A_format_string_with_an_extra_placeholder_is_named()
    {
        _content.Edit(Messages, root => root["tooLong"] = "Please keep it under {0} characters, not {1}.");

        AssertError(_content.LoadFails(), Messages, "$.tooLong", "uses {1}, which nothing fills");
    }

    [Fact]
    public void A_broken_placeholder_is_named()
    {
        _content.Edit(Messages, root => root["privacyNote"] = "I keep your result for {0 hours.");

        AssertError(_content.LoadFails(), Messages, "$.privacyNote", "not a placeholder");
    }

    [Fact]
    public void A_placeholder_in_a_plain_message_is_named()
    {
        _content.Edit(Messages, root => root["welcome"] = "Hi {0}, I'm BackCare. This is general information, not medical advice.");

        AssertError(_content.LoadFails(), Messages, "$.welcome", "shown as written");
    }

    [Fact]
    public void A_missing_message_is_named()
    {
        _content.Edit(Messages, root => root.AsObject().Remove("hurtsStop"));

        AssertError(_content.LoadFails(), Messages, "$", "hurtsStop");
    }

    [Fact]
    public void Two_identical_feedback_buttons_are_named()
    {
        _content.Edit(Messages, root => root["feltWorse"] = "Better");

        AssertError(_content.LoadFails(), Messages, "$.feltWorse", "must differ");
    }

    [Fact]
    public void A_see_doctor_after_days_of_zero_is_named()
    {
        _content.Edit(Screening, root => root["duration"]!["seeDoctorAfterDays"] = 0);

        AssertError(_content.LoadFails(), Screening, "$.duration.seeDoctorAfterDays", "1 to 365");
    }

    [Fact]
    public void A_season_starting_in_a_month_that_does_not_exist_is_named()
    {
        _content.Edit(Screening, root => root["duration"]!["vocabulary"]!["seasonStartMonths"]!["summer"] = 13);

        AssertError(_content.LoadFails(), Screening, "$.duration.vocabulary.seasonStartMonths.summer", "month number");
    }

    [Fact]
    public void An_empty_duration_phrase_is_named()
    {
        _content.Edit(Screening, root => root["duration"]!["vocabulary"]!["recurrent"]![0] = " ");

        AssertError(_content.LoadFails(), Screening, "$.duration.vocabulary.recurrent[0]", "without spaces around them");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        // Each file's schema is checked on its own, so every file's structural problems come together.
        _content.Edit(Techniques, root => root["techniques"]![0]!["steps"] = new JsonArray());
        _content.Edit(Tips, root => root["tips"]![0]!["more"] = "");
        _content.Edit(Messages, root => root["screeningRemembered"] = 5);

        var ex = _content.LoadFails();
        AssertError(ex, Techniques, "$.techniques[0].steps", "at least one");
        AssertError(ex, Tips, "$.tips[0].more", "not blank");
        AssertError(ex, Messages, "$.screeningRemembered", "should be \"string\"");
        Assert.Contains(_content.Path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_between_files_is_reported_at_once()
    {
        // Once every file has its structure, the checks that need them all run, and report everything they find.
        _content.Edit(Answers, root => root["answers"]![0]!["related"] = new JsonArray("faq:no-such-answer"));
        _content.Edit(Messages, root => root["screeningRemembered"] = "You did it earlier.");

        var ex = _content.LoadFails();
        AssertError(ex, Answers, "$.answers[0].related[0]", "not the routing id");
        AssertError(ex, Messages, "$.screeningRemembered", "lacks {0}");
    }

    private static void AssertError(ContentValidationException ex, string file, string path, string fragment) =>
        ContentDirectory.AssertError(ex, file, path, fragment);

    private static JsonNode Question(JsonNode screening, string id) =>
        screening["questions"]!.AsArray().Single(q => (string?)q!["id"] == id)!;

    private static int QuestionIndex(string id)
    {
        var questions = ContentLoader.Load(KnowledgeBase.DefaultDirectory).Screening.Questions;
        return questions.Select((q, i) => (q.Id, i)).Single(p => p.Id == id).i;
    }

    /// <summary>Text of exactly <paramref name="length"/> characters.</summary>
    private static string Sentence(int length) => new('a', length);
}
