using BackCare.Bot.DialogEngine.Choices;
using BackCare.Bot.Dialogs.Interruptions;
using BackCare.Bot.Reminders;
using BackCare.Bot.Tests.Conversation;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Dialogs.Interruptions;

/// <summary>
/// Buttons that work whatever the user is doing (tips, "more", the reminder's, a "did you mean" pick), and buttons of
/// cards no longer in play. The waiting card's own buttons are left to it.
/// </summary>
public sealed class CardButtonsTests
{
    [Fact]
    public async Task A_tips_Tell_me_more_mid_walkthrough_shows_the_tip_then_the_same_step()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);
        var tip = bot.Knowledge.Tips[^1];

        var replies = await bot.SubmitAsync(new JObject { ["action"] = "tip", ["id"] = tip.Id });

        Assert.Contains(tip.More, Replies.Text(replies[0]), StringComparison.Ordinal);
        Assert.Contains(bot.Messages.ResumePrompt, Replies.AllText(replies), StringComparison.Ordinal);
        WalkthroughTests.AssertStep(Replies.Last(replies), bot.Knowledge.FindTechnique(Scenes.TechniqueId)!, 0);
    }

    [Fact]
    public async Task An_answers_more_button_at_the_root_gives_more_and_nothing_else()
    {
        await using var bot = new BotHarness();
        var answer = bot.Knowledge.Answers.Last(a => a.More is not null);

        var replies = await bot.SubmitAsync(new JObject { ["action"] = "more", ["id"] = answer.Id });

        Assert.Equal(answer.More, Replies.Text(Assert.Single(replies)));
    }

    [Fact]
    public async Task The_reminders_Done_button_mid_screening_is_answered_then_the_same_question_is_asked_again()
    {
        await using var bot = new BotHarness();
        var first = await Scenes.AtFirstScreeningQuestionAsync(bot);

        var replies = await bot.SubmitAsync(new JObject { ["action"] = ReminderConversation.ActionDone });

        Assert.Contains(bot.Messages.ReminderDoneReply, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Equal(ScreeningDriver.QuestionAsked(bot, first), ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task A_did_you_mean_button_is_answered_with_the_pick()
    {
        await using var bot = new BotHarness();
        var offer = Replies.Last(await bot.SayAsync("cracking my back"));
        var titles = Replies.Buttons(offer).Select(b => b.Title).ToList();
        Assert.True(titles.Count >= 3, string.Join(", ", titles));
        var picked = bot.Knowledge.Answers.Single(a => a.Question == titles[1]);

        var replies = await bot.ClickAsync(offer, titles[1]);

        Assert.Contains(picked.Text, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task This_hurts_on_a_step_card_of_a_walkthrough_that_ended_still_gets_what_to_do()
    {
        await using var bot = new BotHarness();
        var card = Replies.Last(await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId));
        await bot.SayAsync("cancel");

        var replies = await bot.ClickAsync(card, "This hurts");

        Assert.Equal(bot.Messages.HurtsStop, Replies.Text(Assert.Single(replies)));
    }

    [Fact]
    public async Task An_old_step_cards_Next_at_the_menu_gets_the_stale_card_text_and_the_menu_again()
    {
        await using var bot = new BotHarness();
        var card = Replies.Last(await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId));
        await bot.SayAsync("menu");

        var replies = await bot.ClickAsync(card, "Next");

        Assert.Equal(bot.Messages.StaleCard, Replies.Text(replies[0]));
        Assert.Contains(bot.Messages.MenuPrompt, Replies.Text(Replies.Last(replies)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_waiting_pickers_own_button_is_left_to_the_picker()
    {
        await using var bot = new BotHarness();
        var picker = await Scenes.AtPickerAsync(bot);

        var replies = await bot.ClickAsync(picker, "Start " + bot.Knowledge.FindTechnique(Scenes.TechniqueId)!.Name);

        WalkthroughTests.AssertStep(Replies.Last(replies), bot.Knowledge.FindTechnique(Scenes.TechniqueId)!, 0);
        Assert.DoesNotContain(bot.Messages.StaleCard, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_text_passes()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, "next");

        var (result, sent) = await probe.RunAsync<CardButtons>();

        Assert.Same(InterruptionResult.Pass, result);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task A_tip_button_naming_no_tip_is_a_stale_card_not_a_crash()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Submitting(bot, new JObject { ["action"] = "tip", ["id"] = "tip:removed-since" });

        var (result, sent) = await probe.RunAsync<CardButtons>();

        Assert.True(result.Stops);
        Assert.Equal(bot.Messages.StaleCard, Replies.Text(Assert.Single(sent)));
    }

    [Fact]
    public async Task A_pick_of_an_earlier_did_you_mean_is_read_only_while_it_is_pending()
    {
        await using var bot = new BotHarness();
        var answer = bot.Knowledge.Answers[0];
        var pick = new JObject { [ChoiceFactory.SubmitChoiceKey] = answer.Question };

        using (var pending = HandlerProbe.Submitting(bot, pick))
        {
            pending.PendingClarification.Add(answer.Id);
            var (result, sent) = await pending.RunAsync<CardButtons>();
            Assert.True(result.Stops);
            Assert.Contains(answer.Text, Replies.AllText(sent), StringComparison.Ordinal);
        }

        using var expired = HandlerProbe.Submitting(bot, pick);
        var (late, lateSent) = await expired.RunAsync<CardButtons>();
        Assert.DoesNotContain(answer.Text, Replies.AllText(lateSent), StringComparison.Ordinal);
        Assert.Equal(bot.Messages.StaleCard, Replies.Text(Assert.Single(lateSent)));
        Assert.True(late.Stops);
    }
}
