using BackCare.Bot.Dialogs.Interruptions;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Dialogs.Interruptions;

/// <summary>After an emergency answer every request and old button gets the urgent advice again, in short, and nothing else.</summary>
public sealed class EmergencyLockTests
{
    private static void AssertUrgentReminderOnly(BotHarness bot, IReadOnlyList<IActivity> replies)
    {
        var reply = Assert.Single(replies, r => !Replies.IsUpdate(r));
        Assert.Contains(bot.Messages.UrgentReminder, Replies.Text(reply), StringComparison.Ordinal);
        var buttons = Replies.Buttons(reply).Select(b => b.Title).ToList();
        Assert.Equal(["I answered by mistake"], buttons);
    }

    [Theory]
    [InlineData("is foam rolling better than stretching?")]
    [InlineData("my back is stiff")]
    [InlineData("menu")]
    [InlineData("hi")]
    public async Task After_an_emergency_answer_a_question_a_request_or_a_command_gets_the_urgent_reminder(string typed)
    {
        await using var bot = new BotHarness();
        await bot.SayAsync(Scenes.RedFlag);

        var replies = await bot.SayAsync(typed);

        AssertUrgentReminderOnly(bot, replies);
        Assert.DoesNotContain(bot.Messages.MenuPrompt, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_emergency_answer_the_old_step_cards_buttons_get_the_urgent_reminder_not_the_stale_card_text()
    {
        await using var bot = new BotHarness();
        var card = await Scenes.AfterEmergencyInWalkthroughAsync(bot);

        foreach (var title in new[] { "Next", "This hurts", "Stop" })
        {
            var replies = await bot.ClickAsync(card, title);

            AssertUrgentReminderOnly(bot, replies);
            Assert.DoesNotContain(bot.Messages.StaleCard, Replies.AllText(replies), StringComparison.Ordinal);
            Assert.DoesNotContain(bot.Messages.HurtsStop, Replies.AllText(replies), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task After_an_emergency_answer_a_tip_button_does_not_show_the_tip()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync(Scenes.RedFlag);
        var tip = bot.Knowledge.Tips[0];

        var replies = await bot.SubmitAsync(new JObject { ["action"] = "tip", ["id"] = tip.Id });

        AssertUrgentReminderOnly(bot, replies);
        Assert.DoesNotContain(tip.More, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_cards_the_reminder_says_how_to_re_screen_in_words()
    {
        await using var bot = new BotHarness(channelId: "sms");
        await bot.SayAsync(Scenes.RedFlag);

        var replies = await bot.SayAsync("show me a stretch");

        var text = Replies.Text(Assert.Single(replies));
        Assert.Contains(bot.Messages.UrgentReminder, text, StringComparison.Ordinal);
        Assert.Contains(bot.Messages.NoTechniqueAfterEmergency, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answers_of_a_re_screening_get_past_it()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync(Scenes.RedFlag);
        var first = await bot.SayAsync("I answered by mistake");

        var second = await bot.SayAsync("no");

        Assert.DoesNotContain(bot.Messages.UrgentReminder, Replies.AllText(second), StringComparison.Ordinal);
        Assert.NotEqual(ScreeningDriver.QuestionAsked(bot, first), ScreeningDriver.QuestionAsked(bot, second));
    }

    [Fact]
    public async Task Menu_during_a_re_screening_gets_the_urgent_reminder_and_ends_the_re_screening()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync(Scenes.RedFlag);
        await bot.SayAsync("I answered by mistake");

        var replies = await bot.SayAsync("menu");

        AssertUrgentReminderOnly(bot, replies);
        Assert.Null(ScreeningDriver.QuestionAsked(bot, await bot.SayAsync("no")));
    }

    [Fact]
    public async Task A_re_screening_with_nothing_to_report_lifts_it()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync(Scenes.RedFlag);
        await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("check my answers again"), ScreeningDriver.AllClear);

        var replies = await bot.SayAsync("is foam rolling better than stretching?");

        Assert.DoesNotContain(bot.Messages.UrgentReminder, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Contains(bot.Knowledge.FindAnswer("faq:foam-vs-stretch")!.Text, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_emergency_answer_it_passes()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, "menu");

        var (result, sent) = await probe.RunAsync<EmergencyLock>();

        Assert.Same(InterruptionResult.Pass, result);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task With_an_emergency_answer_it_takes_even_a_card_submit_and_ends_the_turn()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Submitting(bot, new JObject { ["action"] = "more", ["id"] = "faq:foam-vs-stretch" });
        probe.Conversation.EmergencyReported = true;

        var (result, sent) = await probe.RunAsync<EmergencyLock>();

        Assert.True(result.Stops);
        Assert.NotNull(result.Turn);
        Assert.Contains(bot.Messages.UrgentReminder, Replies.Text(Assert.Single(sent)), StringComparison.Ordinal);
    }
}
