using Microsoft.Extensions.Time.Testing;
using static BackCare.Bot.Tests.Conversation.UnseenWordingSafetyTests;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>
/// Conversations of <see cref="UnseenWordingSafetyTests"/> that the bot failed when they were written (main at 4df32ee):
/// findings in unseen wording, all fixed since and kept as they were written, so none may come back.
/// </summary>
public sealed class UnseenWordingFindingsTests
{
    [Fact]
    public async Task Legs_gone_heavy_inside_a_no_at_the_emergency_check_is_an_emergency()
    {
        await using var bot = new BotHarness();
        await ToQuestionAsync(bot, "emergency-check");

        var replies = await bot.SayAsync("nope — though my legs went weird and heavy on the stairs just now");

        AssertEmergency(bot, replies);
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task Knocked_off_a_scooter_by_a_van_inside_an_answer_is_an_emergency()
    {
        await using var bot = new BotHarness();
        await ToQuestionAsync(bot, "fever-unwell");

        var replies = await bot.SayAsync("no temperature, but I got knocked off my scooter by a van on tuesday");

        AssertEmergency(bot, replies);
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task Misspelt_loss_of_bowel_control_as_the_first_message_is_an_emergency()
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync("lost controle of my bowles since my back went, it just comes out");

        AssertEmergency(bot, replies);
    }

    [Fact]
    public async Task A_pile_up_with_back_pain_is_an_emergency_or_at_least_the_fall_question()
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync("was in a pile-up on the ring road last night and my back is really bad");

        // A multi-car crash is the emergency of the docs ("a crash"); the partial-evidence question would also be safe.
        var text = Replies.AllText(replies);
        Assert.True(
            text.Contains(bot.Knowledge.Screening.Outcomes.Emergency, StringComparison.Ordinal) || text.Contains(bot.Messages.FallQuestion, StringComparison.Ordinal),
            "a pile-up got neither the emergency answer nor the safety question: " + text);
    }

    [Fact]
    public async Task Pinching_typed_on_the_first_step_stops_like_this_hurts()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, TechniqueId);

        var stopped = await bot.SayAsync("ooh that's pinching something, not nice at all");

        Assert.Contains(bot.Messages.HurtsStop, Replies.AllText(stopped), StringComparison.Ordinal);
        Assert.DoesNotContain("Step 2 of", Replies.AllText(await bot.SayAsync("next")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_heat_or_ice_question_typed_mid_walkthrough_is_answered_and_the_same_step_comes_back()
    {
        await using var bot = new BotHarness();
        var first = await WalkthroughTests.StartAsync(bot, TechniqueId);
        await bot.ClickAsync(Replies.Last(first), "Next");
        var technique = bot.Knowledge.FindTechnique(TechniqueId)!;

        var replies = await bot.SayAsync("quick one - should I stick a hot water bottle on it afterwards or an ice pack?");

        Assert.Contains(bot.Knowledge.FindAnswer("topic:heat-or-ice")!.Text, Replies.AllText(replies), StringComparison.Ordinal);
        WalkthroughTests.AssertStep(Replies.Last(replies), technique, 1);
        WalkthroughTests.AssertStep(Replies.Last(await bot.SayAsync("next")), technique, 2);
    }

    [Fact]
    public async Task A_denial_about_the_legs_at_the_emergency_check_is_read_as_no()
    {
        await using var bot = new BotHarness();
        await ToQuestionAsync(bot, "emergency-check");

        var replies = await bot.SayAsync("nah my legs are fine, I can walk about normally");

        AssertNoEmergency(bot, replies);
        Assert.Equal("doctor-check", ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task Since_before_christmas_said_in_february_is_read_first_time_as_long_standing()
    {
        await using var bot = new BotHarness(time: new FakeTimeProvider(LateFebruary));

        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), DurationOr("since before christmas"));

        Assert.Single(asked, id => id == ScreeningDriver.DurationId);
        Assert.Contains(bot.Knowledge.Screening.Duration.LongStandingAdvice, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pain_that_comes_and_goes_with_worse_weeks_is_read_as_long_standing()
    {
        await using var bot = new BotHarness(time: new FakeTimeProvider(LateFebruary));

        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), DurationOr("it kind of comes and goes, some weeks worse than others"));

        Assert.Single(asked, id => id == ScreeningDriver.DurationId);
        Assert.Contains(bot.Knowledge.Screening.Duration.LongStandingAdvice, Replies.AllText(replies), StringComparison.Ordinal);
    }
}
