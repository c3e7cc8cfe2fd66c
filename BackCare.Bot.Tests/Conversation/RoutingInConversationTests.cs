using BackCare.Bot.Dialogs;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Conversation;

public sealed class RoutingInConversationTests
{
    [Fact]
    public async Task A_question_as_the_first_message_gets_the_short_answer_at_once()
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync("is foam rolling better than stretching?");

        var reply = Assert.Single(replies);
        Assert.Contains(bot.Knowledge.FindAnswer("faq:foam-vs-stretch")!.Text, Replies.Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_routing_decision_goes_out_as_a_KeywordRouter_trace()
    {
        await using var bot = new BotHarness(channelId: "emulator", sendTraces: true);

        var replies = await bot.SayAsync("is foam rolling better than stretching?");

        var trace = Assert.Single(replies, r => r.Type == ActivityTypes.Trace);
        var traceActivity = (ITraceActivity)trace;
        Assert.Equal(MainDialog.KeywordRouterTraceName, traceActivity.Name);
        Assert.Equal("Keyword routing", traceActivity.Label);
        var value = JObject.FromObject(traceActivity.Value);
        Assert.Equal("is foam rolling better than stretching?", (string?)value["text"]);
        Assert.Equal("faq:foam-vs-stretch", (string?)value["intent"]);
        Assert.InRange((double)value["score"]!, 0.0, 1.0);
        Assert.IsType<JArray>(value["alternatives"]);
    }

    [Fact]
    public async Task An_emergency_described_mid_screening_gets_emergency_advice_and_nothing_else()
    {
        await using var bot = new BotHarness();
        var first = await bot.SayAsync("my back is stiff");
        await bot.SayAsync("no");

        var replies = await bot.SayAsync("I can't feel my legs and my back hurts");

        var reply = Assert.Single(replies);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.Text(reply), StringComparison.Ordinal);
        var after = await bot.SayAsync("no");
        Assert.Null(ScreeningDriver.QuestionAsked(bot, after));
    }

    [Fact]
    public async Task An_emergency_described_mid_walkthrough_ends_it_with_emergency_advice()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, "childs-pose");

        var replies = await bot.SayAsync("I have trouble controlling my bladder since my back pain started");

        var reply = Assert.Single(replies, r => !Replies.IsUpdate(r));
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.Text(reply), StringComparison.Ordinal);
        WalkthroughTests.AssertClosed(Assert.Single(replies, Replies.IsUpdate), bot.Knowledge.FindTechnique("childs-pose")!, 0, bot.Messages.StepCardStopped);
        var next = await bot.SayAsync("next");
        Assert.DoesNotContain("Step 2", Replies.AllText(next), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how to crack software licenses")]
    [InlineData("what time is it in Tokyo")]
    public async Task Off_topic_questions_get_an_honest_fallback(string question)
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync(question);

        Assert.Contains(bot.Messages.Fallback, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Knowledge.Answers, a => Replies.AllText(replies).Contains(a.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_tips_card_has_the_seven_tips_each_with_tell_me_more()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync("hi");

        var replies = await bot.SayAsync(bot.Messages.MenuTips);

        var card = Replies.Last(replies);
        var buttons = Replies.Buttons(card).Where(b => b.Title == bot.Messages.TellMeMore).ToList();
        Assert.Equal(7, buttons.Count);
        Assert.All(bot.Knowledge.Tips, tip => Assert.Contains(tip.Title, Replies.Text(card), StringComparison.Ordinal));

        var more = await bot.SubmitAsync(buttons[1].SubmitData!);
        Assert.Contains(bot.Knowledge.Tips[1].More, Replies.AllText(more), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_offers_more_and_tell_me_more_gives_it()
    {
        await using var bot = new BotHarness();
        var answer = bot.Knowledge.Answers.First(a => a.More is not null);

        var replies = await bot.SayAsync(answer.Question);
        Assert.Contains(answer.Text, Replies.AllText(replies), StringComparison.Ordinal);

        var more = await bot.ClickAsync(Replies.Last(replies), bot.Messages.TellMeMore);
        Assert.Contains(answer.More!, Replies.AllText(more), StringComparison.Ordinal);

        var typed = await bot.SayAsync("tell me more");
        Assert.Contains(answer.More!, Replies.AllText(typed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unclear_question_gets_did_you_mean_and_the_pick_is_answered()
    {
        await using var bot = new BotHarness(channelId: "emulator");

        var replies = await bot.SayAsync("cracking my back");

        var offer = Replies.Last(replies);
        var titles = Replies.Buttons(offer).Select(b => b.Title).ToList();
        Assert.True(titles.Count >= 3, string.Join(", ", titles));
        Assert.Equal(bot.Messages.ClarifyNeither, titles[^1]);
        var picked = bot.Knowledge.Answers.Single(a => a.Question == titles[0]);

        var answer = await bot.ClickAsync(offer, titles[0]);

        Assert.Contains(picked.Text, Replies.AllText(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neither_after_did_you_mean_gets_the_honest_fallback()
    {
        await using var bot = new BotHarness(channelId: "emulator");
        var offer = Replies.Last(await bot.SayAsync("cracking my back"));

        var replies = await bot.ClickAsync(offer, bot.Messages.ClarifyNeither);

        Assert.Contains(bot.Messages.Fallback, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tip_asked_for_by_words_is_shown()
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync("how should I sleep with a sore back");

        Assert.Contains(bot.Knowledge.FindTip("tip:sleep")!.More, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_a_technique_by_name_screens_then_starts_that_walkthrough()
    {
        await using var bot = new BotHarness();

        var first = await bot.SayAsync("walk me through foam rolling");
        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, first, ScreeningDriver.AllClear);

        WalkthroughTests.AssertStep(Replies.Last(replies), bot.Knowledge.FindTechnique("foam-roller-release")!, 0);
    }

    [Fact]
    public async Task A_ten_thousand_character_message_gets_a_clear_message_and_loses_nothing()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, "childs-pose");

        var replies = await bot.SayAsync(new string('a', 10_000));

        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, bot.Messages.TooLong, 2000), Replies.AllText(replies), StringComparison.Ordinal);
        WalkthroughTests.AssertStep(Replies.Last(await bot.SayAsync("next")), bot.Knowledge.FindTechnique("childs-pose")!, 1);
    }

    [Fact]
    public async Task Menu_and_cancel_work_mid_walkthrough()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, "childs-pose");

        var menu = await bot.SayAsync("menu");
        Assert.Contains(bot.Messages.MenuPrompt, Replies.AllText(menu), StringComparison.Ordinal);

        await bot.SayAsync("child's pose");
        var cancelled = await bot.SayAsync("cancel");
        Assert.Contains(bot.Messages.Cancelled, Replies.AllText(cancelled), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_welcome_carries_the_disclaimer_and_the_menu()
    {
        await using var bot = new BotHarness();

        var replies = await bot.JoinAsync();

        Assert.Equal(bot.Messages.Welcome, Replies.Text(replies[0]));
        Assert.Contains(bot.Messages.MenuPrompt, Replies.Text(replies[1]), StringComparison.Ordinal);
    }
}
