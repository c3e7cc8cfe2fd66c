using static BackCare.Bot.Tests.Conversation.UnseenWordingSafetyTests;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>
/// Conversations for the families of lay wording behind issue 9's unseen-wording findings, in wording of our own
/// (the findings' own conversations are <see cref="UnseenWordingFindingsTests"/>).
/// </summary>
public sealed class LayWordingConversationTests
{
    private const string TechniqueId = "knee-to-chest";

    [Theory]
    [InlineData("would frozen peas wrapped in a tea towel help after this")]
    [InlineData("can I pop a heat pad on once we're done?")]
    public async Task A_heat_or_cold_question_on_a_step_is_answered_and_the_same_step_comes_back(string question)
    {
        await using var bot = new BotHarness();
        var first = await WalkthroughTests.StartAsync(bot, TechniqueId);
        await bot.ClickAsync(Replies.Last(first), "Next");
        var technique = bot.Knowledge.FindTechnique(TechniqueId)!;

        var replies = await bot.SayAsync(question);

        Assert.Contains(bot.Knowledge.FindAnswer("topic:heat-or-ice")!.Text, Replies.AllText(replies), StringComparison.Ordinal);
        WalkthroughTests.AssertStep(Replies.Last(replies), technique, 1);
        WalkthroughTests.AssertStep(Replies.Last(await bot.SayAsync("next")), technique, 2);
    }

    [Theory]
    [InlineData("nah, none of that, I'm getting about alright")]
    [InlineData("nope, I'm ok on all of those")]
    [InlineData("naw mate, nothing like that going on")]
    public async Task A_longer_answer_opened_by_a_plain_no_is_that_no(string answer)
    {
        await using var bot = new BotHarness();
        await ToQuestionAsync(bot, "emergency-check");

        var replies = await bot.SayAsync(answer);

        AssertNoEmergency(bot, replies);
        Assert.Equal("doctor-check", ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task A_red_flag_after_a_nah_still_wins_over_the_no()
    {
        await using var bot = new BotHarness();
        await ToQuestionAsync(bot, "emergency-check");

        var replies = await bot.SayAsync("nah, except both my legs have gone numb since lunch");

        AssertEmergency(bot, replies);
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Theory]
    [InlineData("had an acident with my bowles at work and my back is in bits")]
    [InlineData("no controll of my bladder since yesterday")]
    public async Task A_misspelt_loss_of_control_as_the_first_message_gets_the_emergency_answer(string message)
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync(message);

        AssertEmergency(bot, replies);
    }

    [Fact]
    public async Task Heavy_legs_inside_a_no_at_the_emergency_check_is_an_emergency()
    {
        await using var bot = new BotHarness();
        await ToQuestionAsync(bot, "emergency-check");

        var replies = await bot.SayAsync("no, but both legs went heavy as anything when I stood up");

        AssertEmergency(bot, replies);
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Theory]
    [InlineData("fever-unwell", "no fever, though a lorry knocked me off my bike last week")]
    [InlineData("doctor-check", "not that, but a car ran me over in the supermarket car park on monday")]
    public async Task A_vehicle_accident_inside_a_screening_answer_is_an_emergency(string questionId, string answer)
    {
        await using var bot = new BotHarness();
        await ToQuestionAsync(bot, questionId);

        var replies = await bot.SayAsync(answer);

        AssertEmergency(bot, replies);
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task A_crash_in_everyday_words_as_the_first_message_gets_the_emergency_answer()
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync("my car got written off in a smash yesterday and my back is killing me");

        AssertEmergency(bot, replies);
    }

    [Theory]
    [InlineData("eek, something's pinching in my hip")]
    [InlineData("hmm, that isn't pleasant at all")]
    [InlineData("I think I just pulled something")]
    public async Task Pain_in_other_words_on_a_step_stops_like_this_hurts(string message)
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, TechniqueId);

        var stopped = await bot.SayAsync(message);

        Assert.Contains(bot.Messages.HurtsStop, Replies.AllText(stopped), StringComparison.Ordinal);
        Assert.DoesNotContain("Step 2 of", Replies.AllText(await bot.SayAsync("next")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I can feel it pulling along my lower back")]
    [InlineData("ok, a gentle stretch, nothing more")]
    [InlineData("bit tight on the left but fine")]
    public async Task The_stretch_itself_typed_on_a_step_never_stops_the_walkthrough(string message)
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, TechniqueId);
        var technique = bot.Knowledge.FindTechnique(TechniqueId)!;

        var replies = await bot.SayAsync(message);

        Assert.DoesNotContain(bot.Messages.HurtsStop, Replies.AllText(replies), StringComparison.Ordinal);
        WalkthroughTests.AssertStep(Replies.Last(await bot.SayAsync("next")), technique, 1);
    }
}
