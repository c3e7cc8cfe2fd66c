namespace BackCare.Bot.Tests.Conversation;

/// <summary>
/// Partial evidence: a fall of unknown size gets one clear yes/no safety question rather than a guess either way;
/// a fall that is plainly big (a ladder, a crash) or plainly painful is an emergency at once.
/// </summary>
public sealed class FallQuestionTests
{
    private const string SmallFall = "slipped on the wet kitchen floor yesterday and my back's been stiff since";

    [Fact]
    public async Task A_fall_of_unknown_size_gets_one_safety_question_and_no_emergency_answer_yet()
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync(SmallFall);

        var text = Replies.AllText(replies);
        Assert.Contains(bot.Messages.FallQuestion, text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Knowledge.Screening.Outcomes.Emergency, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yes_to_the_safety_question_is_an_emergency()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync(SmallFall);

        var replies = await bot.SayAsync("yes");

        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_is_thanked_and_the_original_message_is_then_answered_without_asking_again()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync(SmallFall);

        var replies = await bot.SayAsync("no");

        var text = Replies.AllText(replies);
        Assert.Contains(bot.Messages.FallReassured, text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Messages.FallQuestion, text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Knowledge.Screening.Outcomes.Emergency, text, StringComparison.Ordinal);
        Assert.True(replies.Count >= 2, "after the thanks, the stiff back should be answered (the screening, or the menu)");
    }

    [Fact]
    public async Task A_fall_mentioned_inside_a_screening_answer_is_asked_about_and_then_the_screening_goes_on()
    {
        await using var bot = new BotHarness();
        var first = await bot.SayAsync("my back is stiff");
        var question = ScreeningDriver.QuestionAsked(bot, first);
        Assert.NotNull(question);

        var asked = await bot.SayAsync("no, though I did trip over the dog on sunday and it's been sore since");
        Assert.Contains(bot.Messages.FallQuestion, Replies.AllText(asked), StringComparison.Ordinal);

        var replies = await bot.SayAsync("No");

        Assert.Contains(bot.Messages.FallReassured, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Equal(question, ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task An_unclear_reply_gets_the_signs_once_and_the_conversation_is_not_stuck_on_the_question()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync(SmallFall);

        var replies = await bot.SayAsync("is foam rolling better than stretching?");

        var text = Replies.AllText(replies);
        Assert.Contains(bot.Messages.FallUnclear, text, StringComparison.Ordinal);
        Assert.Contains(bot.Knowledge.FindAnswer("faq:foam-vs-stretch")!.Text, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fell off a ladder clearing the gutters and my lower back really hurts")]
    [InlineData("I slipped on the ice this morning and now I can barely walk, my back is agony")]
    [InlineData("got shunted from behind at the lights, my neck and back are sore")]
    public async Task A_plainly_big_or_plainly_painful_fall_is_an_emergency_without_a_question(string message)
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync(message);

        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I have a slipped disc, can I still crack my back?")]
    [InlineData("the long road trip left my lower back stiff")]
    [InlineData("fell asleep on the sofa and woke up with a stiff back")]
    public async Task Words_that_only_look_like_a_fall_are_not_asked_about(string message)
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync(message);

        Assert.DoesNotContain(bot.Messages.FallQuestion, Replies.AllText(replies), StringComparison.Ordinal);
    }
}
