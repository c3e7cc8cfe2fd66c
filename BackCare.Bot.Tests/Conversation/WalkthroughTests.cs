using BackCare.Bot.Content;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Conversation;

public sealed class WalkthroughTests
{
    public static TheoryData<string> TechniqueIds() => new(ContentIds.Techniques);

    [Theory]
    [MemberData(nameof(TechniqueIds))]
    public async Task A_cleared_user_goes_through_every_step_with_Next_and_Back_then_says_how_it_went(string techniqueId)
    {
        await using var bot = new BotHarness();
        var (_, picker) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        var technique = bot.Knowledge.FindTechnique(techniqueId)!;

        var replies = await bot.ClickAsync(Replies.Last(picker), "Start " + technique.Name);
        for (var i = 0; i < technique.Steps.Count; i++)
        {
            var card = Replies.Last(replies);
            AssertStep(card, technique, i);

            if (i == 1)
            {
                var back = await bot.ClickAsync(card, "Back");
                AssertStep(Replies.Last(back), technique, 0);
                replies = await bot.ClickAsync(Replies.Last(back), "Next");
                card = Replies.Last(replies);
                AssertStep(card, technique, 1);
            }

            replies = await bot.ClickAsync(card, i == technique.Steps.Count - 1 ? "Finish" : "Next");
        }

        Assert.Contains(bot.Messages.FinishedPrompt, Replies.Text(Replies.Last(replies)), StringComparison.Ordinal);
        var after = await bot.ClickAsync(Replies.Last(replies), bot.Messages.FeltBetter);
        Assert.Contains(bot.Messages.FeltBetterReply, Replies.AllText(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task This_hurts_stops_at_once_with_what_to_do()
    {
        await using var bot = new BotHarness();
        var card = await StartAsync(bot, "knee-to-chest");
        var next = await bot.ClickAsync(Replies.Last(card), "Next");

        var replies = await bot.ClickAsync(Replies.Last(next), "This hurts");

        Assert.Equal(2, replies.Count);
        Assert.Equal(bot.Messages.HurtsStop, Replies.Text(replies[0]));
        AssertClosed(replies[1], bot.Knowledge.FindTechnique("knee-to-chest")!, 1, bot.Messages.StepCardHurt);
        var after = await bot.SayAsync("next");
        Assert.DoesNotContain("Step", Replies.AllText(after), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ouch")]
    [InlineData("it hurts")]
    public async Task Typing_that_it_hurts_stops_too(string typed)
    {
        await using var bot = new BotHarness();
        await StartAsync(bot, "childs-pose");

        var replies = await bot.SayAsync(typed);

        Assert.Equal(bot.Messages.HurtsStop, Replies.Text(Assert.Single(replies, r => !Replies.IsUpdate(r))));
        AssertClosed(Assert.Single(replies, Replies.IsUpdate), bot.Knowledge.FindTechnique("childs-pose")!, 0, bot.Messages.StepCardHurt);
    }

    [Fact]
    public async Task A_question_mid_walkthrough_is_answered_then_the_same_step_is_shown_again()
    {
        await using var bot = new BotHarness();
        var first = await StartAsync(bot, "seated-spinal-twist");
        var second = await bot.ClickAsync(Replies.Last(first), "Next");
        var third = await bot.ClickAsync(Replies.Last(second), "Next");
        var technique = bot.Knowledge.FindTechnique("seated-spinal-twist")!;
        AssertStep(Replies.Last(third), technique, 2);

        var replies = await bot.SayAsync("is foam rolling better than stretching?");

        var answer = bot.Knowledge.FindAnswer("faq:foam-vs-stretch")!;
        Assert.Contains(answer.Text, Replies.Text(replies[0]), StringComparison.Ordinal);
        Assert.Contains(bot.Messages.ResumePrompt, Replies.AllText(replies), StringComparison.Ordinal);
        AssertStep(Replies.Last(replies), technique, 2);

        var next = await bot.ClickAsync(Replies.Last(replies), "Next");
        AssertStep(Replies.Last(next), technique, 3);
    }

    [Fact]
    public async Task A_button_from_an_earlier_card_gets_a_clear_message_and_the_current_step()
    {
        await using var bot = new BotHarness();
        var first = await StartAsync(bot, "standing-back-extension");
        var second = await bot.ClickAsync(Replies.Last(first), "Next");
        var technique = bot.Knowledge.FindTechnique("standing-back-extension")!;

        var replies = await bot.ClickAsync(Replies.Last(first), "Next");

        Assert.Contains(bot.Messages.StaleCard, Replies.AllText(replies), StringComparison.Ordinal);
        AssertStep(Replies.Last(replies), technique, 1);
    }

    [Fact]
    public async Task A_step_button_after_the_walkthrough_ended_is_not_a_crash()
    {
        await using var bot = new BotHarness();
        var first = await StartAsync(bot, "childs-pose");
        await bot.ClickAsync(Replies.Last(first), "Stop");

        var replies = await bot.ClickAsync(Replies.Last(first), "Next");

        Assert.Contains(bot.Messages.StaleCard, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submit_with_unexpected_fields_and_types_gets_a_clear_answer()
    {
        await using var bot = new BotHarness();
        await StartAsync(bot, "childs-pose");

        var replies = await bot.SubmitAsync(new JObject { ["action"] = 42, ["step"] = new JArray(1, 2), ["surprise"] = true });

        Assert.NotEmpty(replies);
        Assert.DoesNotContain("went wrong", Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_next_and_back_work_like_the_buttons()
    {
        await using var bot = new BotHarness();
        await StartAsync(bot, "foam-roller-release");
        var technique = bot.Knowledge.FindTechnique("foam-roller-release")!;

        AssertStep(Replies.Last(await bot.SayAsync("next")), technique, 1);
        AssertStep(Replies.Last(await bot.SayAsync("Next")), technique, 2);
        AssertStep(Replies.Last(await bot.SayAsync("back")), technique, 1);
    }

    [Fact]
    public async Task Without_Adaptive_Cards_the_same_walkthrough_works_as_text_with_suggested_actions()
    {
        await using var bot = new BotHarness(channelId: "sms");
        var (_, picker) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        var technique = bot.Knowledge.FindTechnique("childs-pose")!;
        Assert.Empty(picker.SelectMany(Replies.Cards));

        var replies = await bot.SayAsync(technique.Name);
        for (var i = 0; i < technique.Steps.Count; i++)
        {
            var reply = Replies.Last(replies);
            Assert.Empty(Replies.Cards(reply));
            Assert.Contains(technique.Steps[i].Text, reply.AsMessageActivity().Text, StringComparison.Ordinal);
            Assert.Contains(Replies.Buttons(reply), b => b.Title == "This hurts");
            replies = await bot.ClickAsync(reply, i == technique.Steps.Count - 1 ? "Finish" : "Next");
        }

        Assert.Contains(bot.Messages.FinishedPrompt, Replies.AllText(replies), StringComparison.Ordinal);
    }

    internal static async Task<List<IActivity>> StartAsync(BotHarness bot, string techniqueId)
    {
        var (_, picker) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        var replies = await bot.ClickAsync(Replies.Last(picker), "Start " + bot.Knowledge.FindTechnique(techniqueId)!.Name);
        AssertStep(Replies.Last(replies), bot.Knowledge.FindTechnique(techniqueId)!, 0);
        return replies;
    }

    internal static void AssertStep(IActivity reply, Technique technique, int index)
    {
        var text = Replies.Text(reply);
        Assert.Contains($"Step {index + 1} of {technique.Steps.Count}", text, StringComparison.Ordinal);
        Assert.Contains(technique.Steps[index].Text, text, StringComparison.Ordinal);
        if (technique.Steps[index].Hold is { } hold)
        {
            Assert.Contains(hold.ToString(), text, StringComparison.Ordinal);
        }

        var buttons = Replies.Buttons(reply).Select(b => b.Title).ToList();
        Assert.Equal(index > 0, buttons.Contains("Back"));
        Assert.Contains("This hurts", buttons);
        Assert.Contains("Stop", buttons);
        Assert.Contains(index == technique.Steps.Count - 1 ? "Finish" : "Next", buttons);
    }

    /// <summary>A step card closed in place: the same step's title and number, <paramref name="status"/>, and no buttons left.</summary>
    internal static void AssertClosed(IActivity reply, Technique technique, int index, string status)
    {
        Assert.True(Replies.IsUpdate(reply), "The card should have been updated in place.");
        var text = Replies.Text(reply);
        Assert.Contains($"Step {index + 1} of {technique.Steps.Count}", text, StringComparison.Ordinal);
        Assert.Contains(technique.Steps[index].Title, text, StringComparison.Ordinal);
        Assert.Contains(status, text, StringComparison.Ordinal);
        Assert.Empty(Replies.Buttons(reply));
    }
}
