using Microsoft.Bot.Schema;

namespace BackCare.Bot.Tests.Conversation;

public sealed class ScreeningTests
{
    [Fact]
    public async Task A_person_with_none_of_the_signs_reaches_the_picker_in_four_answers_most_serious_first()
    {
        await using var bot = new BotHarness();

        var first = await bot.SayAsync("my back is stiff");
        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, first, ScreeningDriver.AllClear);

        Assert.Equal(["emergency-check", "doctor-check", ScreeningDriver.DurationId, "caution-check"], asked);
        Assert.True(asked.Count <= 4);
        var text = Replies.AllText(replies);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Clear, text, StringComparison.Ordinal);
        var picker = Replies.Buttons(Replies.Last(replies)).Select(b => b.Title).ToList();
        Assert.Equal(bot.Knowledge.Techniques.Select(t => "Start " + t.Name), picker);
    }

    [Fact]
    public async Task Each_check_shows_its_whole_list_with_yes_and_no_buttons()
    {
        await using var bot = new BotHarness();

        var first = await bot.SayAsync("my back is stiff");

        var check = bot.Knowledge.Screening.Checks[0];
        var text = Replies.Text(Replies.Last(first));
        Assert.All(check.Items, item => Assert.Contains("\n\n• " + item, text, StringComparison.Ordinal));
        Assert.Equal(["Yes", "No"], Replies.Buttons(Replies.Last(first)).Select(b => b.Title));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Yep")]
    [InlineData("yeah I do")]
    [InlineData("y")]
    public async Task A_yes_to_the_emergency_check_gets_the_urgent_card_and_nothing_else(string yes)
    {
        await using var bot = new BotHarness();
        await bot.SayAsync("I'd like to try a stretch");

        var replies = await bot.SayAsync(yes);

        var card = Assert.Single(replies);
        Assert.Contains(Replies.Buttons(card), b => b.Title == "I answered by mistake");
        Assert.DoesNotContain(Replies.Buttons(card), b => b.Title.StartsWith("Start", StringComparison.Ordinal));
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task After_an_emergency_answer_no_technique_is_offered_even_when_asked()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync("my back is stiff");
        await bot.SayAsync("yes");

        foreach (var request in new[] { "seated spinal twist", "menu", "walk me through foam rolling", "is foam rolling better than stretching?" })
        {
            var replies = await bot.SayAsync(request);

            var text = Replies.AllText(replies);
            Assert.Contains(bot.Knowledge.Messages.UrgentReminder, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Step 1 of", text, StringComparison.Ordinal);
            Assert.All(bot.Knowledge.Techniques, t => Assert.DoesNotContain(t.Steps[0].Text, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Re_screening_after_an_emergency_answer_by_mistake_offers_techniques_again()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync("my back is stiff");
        var urgent = await bot.SayAsync("yes");

        var again = await bot.ClickAsync(Replies.Last(urgent), "I answered by mistake");
        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, again, ScreeningDriver.AllClear);

        Assert.Contains(Replies.Buttons(Replies.Last(replies)), b => b.Title == "Start " + bot.Knowledge.Techniques[0].Name);
    }

    [Theory]
    [InlineData("fever-unwell")]
    [InlineData("cancer-history")]
    [InlineData("weight-loss")]
    [InlineData("minor-fall-risk")]
    public async Task A_same_day_sign_gets_its_own_advice_for_today_and_no_technique(string questionId)
    {
        await using var bot = new BotHarness();

        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.YesTo(bot, questionId));

        Assert.Equal(questionId, asked[^1]);
        var text = Replies.AllText(replies);
        Assert.Contains(bot.Knowledge.Screening.FindQuestion(questionId)!.Advice!, text, StringComparison.Ordinal);
        Assert.Contains("today", text, StringComparison.Ordinal);
        await AssertNoTechniqueNowOrLaterAsync(bot, replies);
    }

    [Fact]
    public async Task A_history_of_cancer_means_the_cancer_team_within_24_hours()
    {
        await using var bot = new BotHarness();

        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.YesTo(bot, "cancer-history"));

        var text = Replies.AllText(replies);
        Assert.Contains("cancer team", text, StringComparison.Ordinal);
        Assert.Contains("24 hours", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diagnosed-condition", "yes")]
    [InlineData("one-leg", "yes please")]
    [InlineData("severe-or-sudden", "yeah")]
    [InlineData("getting-worse", "y")]
    public async Task See_a_doctor_first_answers_get_a_time_frame_and_no_technique(string questionId, string answer)
    {
        await using var bot = new BotHarness();
        var first = await bot.SayAsync("my back is stiff");

        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, first, ScreeningDriver.YesTo(bot, questionId, answer));

        Assert.Equal(questionId, asked[^1]);
        var text = Replies.AllText(replies);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.SeeDoctorFirst, text, StringComparison.Ordinal);
        Assert.Contains("next few days", text, StringComparison.Ordinal);
        Assert.Contains("keep moving gently", text, StringComparison.Ordinal);
        await AssertNoTechniqueNowOrLaterAsync(bot, replies);
    }

    [Fact]
    public async Task Under_16s_are_signposted_to_a_GP_with_a_parent_or_carer()
    {
        await using var bot = new BotHarness();

        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.YesTo(bot, "under-16"));

        var text = Replies.AllText(replies);
        Assert.Contains("GP", text, StringComparison.Ordinal);
        Assert.Contains("parent or carer", text, StringComparison.Ordinal);
        Assert.DoesNotContain(replies.SelectMany(Replies.Buttons), b => b.Title.StartsWith("Start", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_yes_to_a_check_whose_every_follow_up_is_then_no_takes_the_safer_answer()
    {
        await using var bot = new BotHarness();

        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), id => id == "doctor-check" ? "yes" : ScreeningDriver.AllClear(id));

        Assert.Equal(["emergency-check", "doctor-check", .. bot.Knowledge.Screening.Checks[1].FollowUps], asked);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.SeeDoctorFirst, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("about three months")]
    [InlineData("since March")]
    [InlineData("for years")]
    [InlineData("not sure")]
    public async Task Pain_longer_than_three_weeks_gets_a_review_and_still_the_gentle_techniques(string answer)
    {
        await using var bot = new BotHarness();

        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), id => id == ScreeningDriver.DurationId ? answer : ScreeningDriver.AllClear(id));

        Assert.Equal(4, asked.Count);
        var text = Replies.AllText(replies);
        Assert.Contains("GP or physio appointment", text, StringComparison.Ordinal);
        Assert.Contains(bot.Knowledge.Screening.Duration.LongStandingAdvice, text, StringComparison.Ordinal);
        Assert.Equal(bot.Knowledge.Techniques.Select(t => "Start " + t.Name), Replies.Buttons(Replies.Last(replies)).Select(b => b.Title));
    }

    [Theory]
    [InlineData("night-pain")]
    [InlineData("first-after-50")]
    [InlineData("weak-immunity")]
    [InlineData("morning-stiffness")]
    public async Task A_reason_for_a_routine_check_up_says_book_one_and_keeps_the_techniques(string questionId)
    {
        await using var bot = new BotHarness();

        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.YesTo(bot, questionId));

        var text = Replies.AllText(replies);
        Assert.Contains("next week or two", text, StringComparison.Ordinal);
        Assert.Contains(bot.Knowledge.Screening.FindQuestion(questionId)!.Advice!, text, StringComparison.Ordinal);
        Assert.Equal(bot.Knowledge.Techniques.Select(t => "Start " + t.Name), Replies.Buttons(Replies.Last(replies)).Select(b => b.Title));
    }

    [Fact]
    public async Task Pregnancy_offers_only_the_supported_wide_knee_childs_pose_and_gives_each_left_out_technique_its_own_reason()
    {
        await using var bot = new BotHarness();
        var first = await bot.SayAsync("my back is stiff");

        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, first, ScreeningDriver.YesTo(bot, "pregnancy"));

        var offered = Replies.Buttons(Replies.Last(replies)).Select(b => b.Title).ToList();
        Assert.Equal(["Start Child's pose, wide-knee and supported"], offered);

        var text = Replies.AllText(replies);
        var reasons = bot.Knowledge.Screening.FindQuestion("pregnancy")!.Excludes.Values.ToList();
        Assert.Equal(4, reasons.Distinct().Count());
        Assert.All(reasons, reason => Assert.Contains(reason, text, StringComparison.Ordinal));
        foreach (var id in new[] { "seated-spinal-twist", "knee-to-chest", "standing-back-extension", "foam-roller-release" })
        {
            Assert.Contains("Not " + bot.Knowledge.FindTechnique(id)!.Name, text, StringComparison.Ordinal);
        }

        Assert.Contains("maternity unit", text, StringComparison.Ordinal);
        Assert.Contains("bleeding", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ask your midwife", text, StringComparison.OrdinalIgnoreCase);

        var step = await bot.ClickAsync(Replies.Last(replies), offered[0]);
        var stepText = Replies.AllText(step);
        Assert.Contains("knees wide apart", stepText, StringComparison.Ordinal);
        Assert.Contains("Child's pose, wide-knee and supported", stepText, StringComparison.Ordinal);
        Assert.Contains("You'll need: a mat or soft floor; a pile of pillows", Replies.Text(Replies.Last(replies)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Osteoporosis_leaves_out_deep_bending_twisting_and_the_roller_and_keeps_the_extension()
    {
        await using var bot = new BotHarness();

        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.YesTo(bot, "osteoporosis"));

        Assert.Equal(["Start Standing back extension"], Replies.Buttons(Replies.Last(replies)).Select(b => b.Title));
        Assert.Contains(bot.Knowledge.Screening.FindQuestion("osteoporosis")!.Advice!, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hip_replacement_or_recent_tummy_surgery_leaves_out_deep_bending_only()
    {
        await using var bot = new BotHarness();

        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.YesTo(bot, "hip-or-tummy-surgery"));

        Assert.Equal(
            ["Start Seated spinal twist", "Start Standing back extension", "Start Foam roller release"],
            Replies.Buttons(Replies.Last(replies)).Select(b => b.Title));
    }

    [Theory]
    [InlineData("past-back-problems", "go gently")]
    [InlineData("hypermobility", "middle of your range")]
    public async Task A_warning_is_said_and_leaves_every_technique_in(string questionId, string warning)
    {
        await using var bot = new BotHarness();

        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.YesTo(bot, questionId));

        Assert.Contains(warning, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Clear, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Equal(bot.Knowledge.Techniques.Select(t => "Start " + t.Name), Replies.Buttons(Replies.Last(replies)).Select(b => b.Title));
    }

    [Fact]
    public async Task Several_cautions_are_all_asked_and_all_applied()
    {
        await using var bot = new BotHarness();

        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.YesToAll(bot, "blood-thinners", "hip-or-tummy-surgery"));

        Assert.Equal(bot.Knowledge.Screening.Checks[2].FollowUps, asked.SkipWhile(id => id != "caution-check").Skip(1));
        Assert.Equal(["Start Seated spinal twist", "Start Standing back extension"], Replies.Buttons(Replies.Last(replies)).Select(b => b.Title));
    }

    [Fact]
    public async Task The_picker_says_what_each_technique_needs_and_the_first_step_its_own_cautions()
    {
        await using var bot = new BotHarness();
        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);

        var picker = Replies.Text(Replies.Last(replies));
        Assert.Contains("You'll need: a steady chair", picker, StringComparison.Ordinal);
        Assert.Contains("You'll need: a firm foam roller", picker, StringComparison.Ordinal);

        var twist = bot.Knowledge.FindTechnique("seated-spinal-twist")!;
        var first = Replies.AllText(await bot.ClickAsync(Replies.Last(replies), "Start " + twist.Name));
        Assert.Contains("Take care:", first, StringComparison.Ordinal);
        Assert.All(twist.Cautions, caution => Assert.Contains(caution, first, StringComparison.Ordinal));

        var second = Replies.AllText(await bot.SayAsync("next"));
        Assert.DoesNotContain("Take care:", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remembered_screening_is_not_asked_again_until_it_expires()
    {
        await using var bot = new BotHarness();
        var (_, _) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        await bot.SayAsync("menu");

        bot.Time.Advance(TimeSpan.FromHours(23));
        var remembered = await bot.SayAsync("seated spinal twist");
        Assert.Null(ScreeningDriver.QuestionAsked(bot, remembered));
        Assert.Contains("Step 1 of", Replies.AllText(remembered), StringComparison.Ordinal);
        await bot.SayAsync("stop");

        bot.Time.Advance(TimeSpan.FromHours(2));
        var expired = await bot.SayAsync("seated spinal twist");
        Assert.NotNull(ScreeningDriver.QuestionAsked(bot, expired));
    }

    [Fact]
    public async Task The_outcome_is_remembered_for_a_returning_user_in_a_new_process()
    {
        var storage = new Microsoft.Bot.Builder.MemoryStorage();
        await using (var first = new BotHarness(storage: storage))
        {
            await ScreeningDriver.AnswerAsync(first, await first.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        }

        await using var second = new BotHarness(storage: storage);
        var replies = await second.SayAsync("child's pose");

        Assert.Null(ScreeningDriver.QuestionAsked(second, replies));
        Assert.Contains("Step 1 of", Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_my_answers_again_re_screens_a_remembered_user()
    {
        await using var bot = new BotHarness();
        await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);

        var replies = await bot.SayAsync("check my answers again");

        Assert.Equal(bot.Knowledge.Screening.Checks[0].Id, ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task Forget_me_deletes_the_stored_outcome_and_says_so()
    {
        var storage = new Microsoft.Bot.Builder.MemoryStorage();
        await using var bot = new BotHarness(storage: storage);
        await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);

        var replies = await bot.SayAsync("forget me");

        Assert.Contains(bot.Messages.ForgetMeDone, Replies.AllText(replies), StringComparison.Ordinal);
        var stored = await storage.ReadAsync(["msteams/users/user1", "msteams/conversations/conversation-user1"], CancellationToken.None);
        Assert.Empty(stored);
        var next = await bot.SayAsync("child's pose");
        Assert.NotNull(ScreeningDriver.QuestionAsked(bot, next));
    }

    [Fact]
    public async Task Unclear_answers_are_asked_again_and_the_screening_carries_on()
    {
        await using var bot = new BotHarness();
        var first = await bot.SayAsync("my back is stiff");
        var firstId = ScreeningDriver.QuestionAsked(bot, first);

        var retry = await bot.SayAsync("purple");
        Assert.Equal(firstId, ScreeningDriver.QuestionAsked(bot, retry));

        var next = await bot.SayAsync("nope");
        Assert.Equal(bot.Knowledge.Screening.Checks[1].Id, ScreeningDriver.QuestionAsked(bot, next));
    }

    [Fact]
    public async Task Screening_answers_can_be_card_or_button_submits_without_text()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync("my back is stiff");

        var replies = await bot.SubmitAsync(new Newtonsoft.Json.Linq.JObject { ["choice"] = "No" });

        Assert.Equal(bot.Knowledge.Screening.Checks[1].Id, ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task Only_the_outcome_and_its_date_are_kept_about_the_user()
    {
        var storage = new Microsoft.Bot.Builder.MemoryStorage();
        await using var bot = new BotHarness(storage: storage);
        await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.YesTo(bot, "blood-thinners"));

        var stored = await storage.ReadAsync(["msteams/users/user1"], CancellationToken.None);
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(stored.Values.Single());
        Assert.Contains("blood-thinners", json, StringComparison.Ordinal);
        Assert.DoesNotContain("emergency-check", json, StringComparison.Ordinal);
        Assert.DoesNotContain("3 days", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_screening_saved_by_an_earlier_version_with_more_questions_starts_again_instead_of_failing()
    {
        var storage = new BackCare.Bot.Tests.DialogEngine.JsonTextStorage();
        await using var bot = new BotHarness(storage: storage);
        await bot.SayAsync("my back is stiff");
        await bot.SayAsync("no");

        // The old screening asked thirteen questions one by one; a conversation saved at its twelfth meets the new one.
        var edited = false;
        storage.EditAll(json =>
        {
            var old = System.Text.RegularExpressions.Regex.Replace(json, "\"Index\":\\s*1\\b", "\"Index\":12");
            edited |= old != json;
            return old;
        });
        Assert.True(edited, "the saved screening's place was not found");
        var replies = await bot.SayAsync("no");

        Assert.Equal(bot.Knowledge.Screening.Checks[0].Id, ScreeningDriver.QuestionAsked(bot, replies));
        Assert.DoesNotContain("went wrong", Replies.AllText(replies), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>No technique is offered with the advice, nor when one is asked for by name afterwards.</summary>
    private static async Task AssertNoTechniqueNowOrLaterAsync(BotHarness bot, List<IActivity> replies)
    {
        Assert.DoesNotContain(replies.SelectMany(Replies.Buttons), b => b.Title.StartsWith("Start", StringComparison.Ordinal));

        var later = await bot.SayAsync("knee to chest");
        Assert.Contains(bot.Messages.NoTechniqueSeeDoctor, Replies.AllText(later), StringComparison.Ordinal);
        Assert.DoesNotContain("Step 1 of", Replies.AllText(later), StringComparison.Ordinal);
    }
}
