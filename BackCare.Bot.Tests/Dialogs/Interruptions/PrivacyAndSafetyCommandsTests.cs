using BackCare.Bot.Dialogs.Interruptions;
using BackCare.Bot.Tests.Conversation;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Dialogs.Interruptions;

/// <summary>"forget me", re-screening and "stop reminders": they work in every state, an emergency answer included.</summary>
public sealed class PrivacyAndSafetyCommandsTests
{
    [Theory]
    [InlineData("forget me")]
    [InlineData("Delete my data!")]
    public async Task Forget_me_mid_walkthrough_ends_it_and_deletes_the_screening_so_the_questions_come_again(string typed)
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);

        var replies = await bot.SayAsync(typed);

        Assert.Equal(bot.Messages.ForgetMeDone, Replies.Text(Assert.Single(replies, r => !Replies.IsUpdate(r))));
        WalkthroughTests.AssertClosed(Assert.Single(replies, Replies.IsUpdate), bot.Knowledge.FindTechnique(Scenes.TechniqueId)!, 0, bot.Messages.StepCardStopped);
        var again = await bot.SayAsync("my back is stiff");
        Assert.NotNull(ScreeningDriver.QuestionAsked(bot, again));
        Assert.DoesNotContain("You did the safety check", Replies.AllText(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_me_deletes_movement_reminders_too()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync("remind me to move every hour");

        await bot.SayAsync("forget everything");

        Assert.Equal(bot.Messages.RemindersNone, Replies.Text(Assert.Single(await bot.SayAsync("stop reminders"))));
    }

    [Fact]
    public async Task Forget_me_after_an_emergency_answer_is_done_and_lifts_the_emergency()
    {
        await using var bot = new BotHarness();
        await Scenes.AfterEmergencyInWalkthroughAsync(bot);

        var replies = await bot.SayAsync("forget me");

        Assert.Equal(bot.Messages.ForgetMeDone, Replies.Text(Assert.Single(replies)));
        var after = await bot.SayAsync("my back is stiff");
        Assert.DoesNotContain(bot.Messages.UrgentReminder, Replies.AllText(after), StringComparison.Ordinal);
        Assert.NotNull(ScreeningDriver.QuestionAsked(bot, after));
    }

    [Theory]
    [InlineData("I answered by mistake")]
    [InlineData("check my answers again")]
    public async Task Re_screening_typed_after_an_emergency_answer_asks_the_safety_questions_again(string typed)
    {
        await using var bot = new BotHarness();
        await Scenes.AfterEmergencyInWalkthroughAsync(bot);

        var replies = await bot.SayAsync(typed);

        Assert.DoesNotContain(bot.Messages.UrgentReminder, Replies.AllText(replies), StringComparison.Ordinal);
        var (asked, picker) = await ScreeningDriver.AnswerAsync(bot, replies, ScreeningDriver.AllClear);
        Assert.NotEmpty(asked);
        Assert.Contains(bot.Messages.ChooseTechniquePrompt, Replies.AllText(picker), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_urgent_cards_I_answered_by_mistake_button_asks_the_safety_questions_again()
    {
        await using var bot = new BotHarness();
        var urgent = await bot.SayAsync(Scenes.RedFlag);

        var replies = await bot.ClickAsync(Replies.Last(urgent), "I answered by mistake");

        Assert.NotNull(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task Check_my_answers_again_asks_the_questions_even_when_a_recent_screening_is_remembered()
    {
        await using var bot = new BotHarness();
        await Scenes.AtPickerAsync(bot);
        await bot.SayAsync("cancel");

        var replies = await bot.SayAsync("redo the safety check");

        Assert.NotNull(ScreeningDriver.QuestionAsked(bot, replies));
        Assert.DoesNotContain("You did the safety check", Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_reminders_mid_walkthrough_is_answered_then_the_same_step_is_shown_again()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync("remind me to move every hour");
        await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);

        var replies = await bot.SayAsync("stop reminders");

        var text = Replies.AllText(replies);
        Assert.Contains(bot.Messages.RemindersStopped, text, StringComparison.Ordinal);
        Assert.Contains(bot.Messages.ResumePrompt, text, StringComparison.Ordinal);
        WalkthroughTests.AssertStep(Replies.Last(replies), bot.Knowledge.FindTechnique(Scenes.TechniqueId)!, 0);
    }

    [Fact]
    public async Task Stop_reminders_after_an_emergency_answer_is_answered_not_met_with_the_urgent_reminder()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync(Scenes.RedFlag);

        var replies = await bot.SayAsync("turn off reminders");

        Assert.Equal(bot.Messages.RemindersNone, Replies.Text(Assert.Single(replies)));
    }

    [Theory]
    [InlineData("forget me please and thanks")]
    [InlineData("remind me to move every hour")]
    [InlineData("menu")]
    public async Task Other_messages_pass(string text)
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, text);

        var (result, sent) = await probe.RunAsync<PrivacyAndSafetyCommands>();

        Assert.Same(InterruptionResult.Pass, result);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task A_submit_of_some_other_card_passes()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Submitting(bot, new JObject { ["action"] = "tip", ["id"] = "posture" });

        var (result, _) = await probe.RunAsync<PrivacyAndSafetyCommands>();

        Assert.Same(InterruptionResult.Pass, result);
    }
}
