using BackCare.Bot.CardRendering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>
/// Where the channel can replace a sent message (Teams), a walkthrough is one card that changes step by
/// step; a card left behind loses its buttons. Elsewhere, or when the channel refuses an update, new cards are sent.
/// </summary>
public sealed class InPlaceStepCardTests
{
    private const string TechniqueId = "knee-to-chest";

    [Fact]
    public async Task The_card_buttons_change_the_one_card_and_Finish_closes_it()
    {
        await using var bot = new BotHarness("msteams");
        var technique = bot.Knowledge.FindTechnique(TechniqueId)!;
        var card = Replies.Last(await WalkthroughTests.StartAsync(bot, TechniqueId));
        Assert.False(Replies.IsUpdate(card));

        for (var i = 1; i < technique.Steps.Count; i++)
        {
            var replies = await bot.ClickAsync(card, "Next");

            var updated = Assert.Single(replies);
            Assert.True(Replies.IsUpdate(updated));
            Assert.Equal(card.Id, updated.Id);
            WalkthroughTests.AssertStep(updated, technique, i);
            card = updated;
        }

        var back = Assert.Single(await bot.ClickAsync(card, "Back"));
        Assert.Equal(card.Id, back.Id);
        WalkthroughTests.AssertStep(back, technique, technique.Steps.Count - 2);
        card = Assert.Single(await bot.ClickAsync(back, "Next"));

        var finished = await bot.ClickAsync(card, "Finish");

        WalkthroughTests.AssertClosed(finished[0], technique, technique.Steps.Count - 1, bot.Messages.StepCardFinished);
        Assert.Equal(card.Id, finished[0].Id);
        Assert.Contains(bot.Messages.FinishedPrompt, Replies.AllText(finished.Skip(1)), StringComparison.Ordinal);
        Assert.DoesNotContain(finished.Skip(1), Replies.IsUpdate);
    }

    [Fact]
    public async Task Typed_next_closes_the_card_above_and_sends_the_step_as_a_new_card_which_then_changes_in_place()
    {
        await using var bot = new BotHarness();
        var technique = bot.Knowledge.FindTechnique(TechniqueId)!;
        var first = Replies.Last(await WalkthroughTests.StartAsync(bot, TechniqueId));

        var replies = await bot.SayAsync("next");

        Assert.Equal(2, replies.Count);
        WalkthroughTests.AssertClosed(replies[0], technique, 0, bot.Messages.StepCardMovedOn);
        Assert.Equal(first.Id, replies[0].Id);
        var second = replies[1];
        Assert.False(Replies.IsUpdate(second));
        Assert.NotEqual(first.Id, second.Id);
        WalkthroughTests.AssertStep(second, technique, 1);

        var third = Assert.Single(await bot.ClickAsync(second, "Next"));
        Assert.Equal(second.Id, third.Id);
        WalkthroughTests.AssertStep(third, technique, 2);
    }

    [Fact]
    public async Task A_question_mid_walkthrough_closes_the_card_above_the_answer_and_shows_the_step_below_it()
    {
        await using var bot = new BotHarness();
        var technique = bot.Knowledge.FindTechnique(TechniqueId)!;
        var first = Replies.Last(await WalkthroughTests.StartAsync(bot, TechniqueId));
        var second = Assert.Single(await bot.ClickAsync(first, "Next"));

        var replies = await bot.SayAsync("is foam rolling better than stretching?");

        var closed = Assert.Single(replies, Replies.IsUpdate);
        WalkthroughTests.AssertClosed(closed, technique, 1, bot.Messages.StepCardMovedOn);
        Assert.Equal(second.Id, closed.Id);
        Assert.Contains(bot.Knowledge.FindAnswer("faq:foam-vs-stretch")!.Text, Replies.Text(replies[0]), StringComparison.Ordinal);
        var shown = Replies.Last(replies);
        Assert.False(Replies.IsUpdate(shown));
        WalkthroughTests.AssertStep(shown, technique, 1);
        Assert.True(replies.IndexOf(closed) < replies.IndexOf(shown));
    }

    [Theory]
    [InlineData("Stop")]
    [InlineData("menu")]
    public async Task Stopping_or_leaving_closes_the_card_with_a_stopped_line(string how)
    {
        await using var bot = new BotHarness();
        var technique = bot.Knowledge.FindTechnique(TechniqueId)!;
        var first = Replies.Last(await WalkthroughTests.StartAsync(bot, TechniqueId));

        var replies = how == "Stop" ? await bot.ClickAsync(first, "Stop") : await bot.SayAsync(how);

        var closed = Assert.Single(replies, Replies.IsUpdate);
        WalkthroughTests.AssertClosed(closed, technique, 0, bot.Messages.StepCardStopped);
        Assert.Equal(first.Id, closed.Id);
    }

    [Theory]
    [InlineData("emulator")]
    [InlineData("webchat")]
    public async Task A_channel_that_cannot_update_gets_a_new_card_per_step(string channelId)
    {
        await using var bot = new BotHarness(channelId);
        var technique = bot.Knowledge.FindTechnique(TechniqueId)!;
        var card = Replies.Last(await WalkthroughTests.StartAsync(bot, TechniqueId));

        var replies = await bot.ClickAsync(card, "Next");
        var stopped = await bot.ClickAsync(Replies.Last(replies), "Stop");

        var next = Assert.Single(replies);
        Assert.False(Replies.IsUpdate(next));
        Assert.NotEqual(card.Id, next.Id);
        WalkthroughTests.AssertStep(next, technique, 1);
        Assert.DoesNotContain(stopped, Replies.IsUpdate);
    }

    [Fact]
    public async Task When_the_channel_refuses_an_update_the_step_comes_as_a_new_card_and_the_walkthrough_goes_on()
    {
        await using var bot = new BotHarness();
        var technique = bot.Knowledge.FindTechnique(TechniqueId)!;
        var first = Replies.Last(await WalkthroughTests.StartAsync(bot, TechniqueId));
        bot.Adapter.UpdateFailure = UpdateRecordingTestAdapter.Refused;

        var second = Assert.Single(await bot.ClickAsync(first, "Next"));

        Assert.False(Replies.IsUpdate(second));
        WalkthroughTests.AssertStep(second, technique, 1);
        bot.Adapter.UpdateFailure = null;
        var third = Assert.Single(await bot.ClickAsync(second, "Next"));
        Assert.Equal(second.Id, third.Id);
        WalkthroughTests.AssertStep(third, technique, 2);
    }

    [Theory]
    [InlineData("msteams", null, true)]
    [InlineData("emulator", null, false)]
    [InlineData("msteams", DeliveryModes.ExpectReplies, false)]
    [InlineData("webchat", null, false)]
    [InlineData("directline", null, false)]
    [InlineData("sms", null, false)]
    public void Cards_are_updated_only_where_the_channel_replaces_messages_and_replies_go_through_it(string channelId, string? deliveryMode, bool expected)
    {
        var activity = new Activity(ActivityTypes.Message) { ChannelId = channelId, DeliveryMode = deliveryMode };
        using var turnContext = new TurnContext(new TestAdapter(), activity);

        Assert.Equal(expected, CardMessenger.CanUpdate(turnContext));
    }

    [Fact]
    public async Task Starting_a_technique_from_the_pickers_button_closes_the_picker_in_place()
    {
        await using var bot = new BotHarness();
        var technique = bot.Knowledge.FindTechnique(TechniqueId)!;
        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        var picker = Replies.Last(replies);

        var started = await bot.ClickAsync(picker, "Start " + technique.Name);

        Assert.Equal(2, started.Count);
        Assert.True(Replies.IsUpdate(started[0]));
        Assert.Equal(picker.Id, started[0].Id);
        Assert.Empty(Replies.Buttons(started[0]));
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, bot.Messages.TechniquePicked, technique.Name), Replies.Text(started[0]), StringComparison.Ordinal);
        WalkthroughTests.AssertStep(started[1], technique, 0);
    }

    [Fact]
    public async Task A_technique_picked_by_typing_its_name_leaves_the_picker_alone()
    {
        await using var bot = new BotHarness();
        var technique = bot.Knowledge.FindTechnique(TechniqueId)!;
        await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);

        var started = await bot.SayAsync(technique.Name);

        WalkthroughTests.AssertStep(Assert.Single(started), technique, 0);
    }

    [Fact]
    public async Task A_technique_button_of_a_did_you_mean_card_pressed_at_the_picker_leaves_both_cards_as_they_are()
    {
        await using var bot = new BotHarness();
        var technique = bot.Knowledge.FindTechnique("foam-roller-release")!;
        var offer = Replies.Last(await bot.SayAsync("which foam roller for stretching"));
        Assert.Contains(Replies.Buttons(offer), b => b.Title == technique.Name);
        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        Assert.Contains(Replies.Buttons(Replies.Last(replies)), b => b.Title == "Start " + technique.Name);

        var started = await bot.ClickAsync(offer, technique.Name);

        WalkthroughTests.AssertStep(Replies.Last(started), technique, 0);
        Assert.DoesNotContain(started, Replies.IsUpdate);
    }
}
