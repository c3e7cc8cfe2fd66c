using BackCare.Bot.Content;

namespace BackCare.Bot.Tests.Conversation;

public sealed class ScreeningTests
{
    [Fact]
    public async Task Screening_asks_every_question_one_at_a_time_emergency_first_then_offers_every_technique()
    {
        await using var bot = new BotHarness();

        var first = await bot.SayAsync("my back is stiff");
        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, first, ScreeningDriver.AllClear);

        var questions = bot.Knowledge.Screening.Questions;
        var expected = questions.Where(q => q.Level == ScreeningLevel.Emergency).Select(q => q.Id)
            .Concat(questions.Where(q => q.Level == ScreeningLevel.SeeDoctorFirst).Select(q => q.Id))
            .Append(ScreeningDriver.DurationId)
            .Concat(questions.Where(q => q.Level == ScreeningLevel.Caution).Select(q => q.Id));
        Assert.Equal(expected, asked);

        var text = Replies.AllText(replies);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Clear, text, StringComparison.Ordinal);
        var picker = Replies.Buttons(Replies.Last(replies)).Select(b => b.Title).ToList();
        Assert.Equal(bot.Knowledge.Techniques.Select(t => "Start " + t.Name), picker);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Yep")]
    [InlineData("yeah I do")]
    [InlineData("y")]
    public async Task A_yes_to_an_emergency_question_gets_the_urgent_card_and_nothing_else(string yes)
    {
        await using var bot = new BotHarness();
        var first = await bot.SayAsync("I'd like to try a stretch");

        var replies = await bot.SayAsync(yes);

        var card = Assert.Single(replies);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.Text(card), StringComparison.Ordinal);
        Assert.Contains(Replies.Buttons(card), b => b.Title == "I answered by mistake");
        Assert.DoesNotContain(Replies.Buttons(card), b => b.Title.StartsWith("Start", StringComparison.Ordinal));
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
    [InlineData("diagnosed-condition", "yes")]
    [InlineData("one-leg", "yes please")]
    [InlineData(ScreeningDriver.DurationId, "about three months")]
    [InlineData(ScreeningDriver.DurationId, "since March")]
    public async Task See_a_doctor_first_answers_get_advice_and_no_technique(string questionId, string answer)
    {
        await using var bot = new BotHarness();
        var first = await bot.SayAsync("my back is stiff");

        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, first, id => id == questionId ? answer : ScreeningDriver.AllClear(id));

        Assert.Equal(questionId, asked[^1]);
        var text = Replies.AllText(replies);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.SeeDoctorFirst, text, StringComparison.Ordinal);
        Assert.Contains(bot.Messages.NoTechniqueSeeDoctor, text, StringComparison.Ordinal);
        Assert.DoesNotContain(replies.SelectMany(Replies.Buttons), b => b.Title.StartsWith("Start", StringComparison.Ordinal));

        var later = await bot.SayAsync("knee to chest");
        Assert.Contains(bot.Messages.NoTechniqueSeeDoctor, Replies.AllText(later), StringComparison.Ordinal);
        Assert.DoesNotContain("Step 1 of", Replies.AllText(later), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pregnancy_leaves_out_twisting_backbends_and_lying_on_the_back_and_says_why()
    {
        await using var bot = new BotHarness();
        var first = await bot.SayAsync("my back is stiff");

        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, first, id => id == "pregnancy" ? "yes" : ScreeningDriver.AllClear(id));

        var pregnancy = bot.Knowledge.Screening.Questions.Single(q => q.Id == "pregnancy");
        var offered = Replies.Buttons(Replies.Last(replies)).Select(b => b.Title).ToList();
        foreach (var technique in bot.Knowledge.Techniques)
        {
            var excluded = technique.Tags.Intersect(pregnancy.ExcludesTags).Any();
            Assert.Equal(!excluded, offered.Contains("Start " + technique.Name));
        }

        Assert.Contains("Start Child's pose", offered);
        Assert.DoesNotContain("Start Seated spinal twist", offered);
        var text = Replies.AllText(replies);
        Assert.Contains(pregnancy.Reason!, text, StringComparison.Ordinal);
        Assert.Contains(bot.Knowledge.FindTechnique("seated-spinal-twist")!.Name, text, StringComparison.Ordinal);
        Assert.Contains(bot.Knowledge.FindTechnique("knee-to-chest")!.Name, text, StringComparison.Ordinal);
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

        Assert.Equal(bot.Knowledge.Screening.Questions[0].Id, ScreeningDriver.QuestionAsked(bot, replies));
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
        Assert.Equal(bot.Knowledge.Screening.Questions[1].Id, ScreeningDriver.QuestionAsked(bot, next));
    }

    [Fact]
    public async Task Screening_answers_can_be_card_or_button_submits_without_text()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync("my back is stiff");

        var replies = await bot.SubmitAsync(new Newtonsoft.Json.Linq.JObject { ["choice"] = "No" });

        Assert.Equal(bot.Knowledge.Screening.Questions[1].Id, ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task Only_the_outcome_and_its_date_are_kept_about_the_user()
    {
        var storage = new Microsoft.Bot.Builder.MemoryStorage();
        await using var bot = new BotHarness(storage: storage);
        await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), id => id == "blood-thinners" ? "yes" : ScreeningDriver.AllClear(id));

        var stored = await storage.ReadAsync(["msteams/users/user1"], CancellationToken.None);
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(stored.Values.Single());
        Assert.Contains("blood-thinners", json, StringComparison.Ordinal);
        Assert.DoesNotContain("saddle-numbness", json, StringComparison.Ordinal);
        Assert.DoesNotContain("3 days", json, StringComparison.Ordinal);
    }
}
