using BackCare.Bot.Dialogs.Interruptions;
using BackCare.Bot.Tests.Conversation;

namespace BackCare.Bot.Tests.Dialogs.Interruptions;

/// <summary>
/// Pain typed at the picker, in a walkthrough or at its feedback question stops the technique with what to do; the
/// card's and the question's own answers ("this hurts", "Worse") keep their own replies.
/// </summary>
public sealed class PainReportTests
{
    [Fact]
    public async Task Pain_typed_at_the_picker_stops_with_what_to_do_and_starts_nothing()
    {
        await using var bot = new BotHarness();
        var picker = await Scenes.AtPickerAsync(bot);

        var replies = await bot.SayAsync("hmm my back is aching badly right now");

        Assert.Equal(bot.Messages.HurtsStop, Replies.Text(Assert.Single(replies)));
        var late = await bot.ClickAsync(picker, "Start " + bot.Knowledge.FindTechnique(Scenes.TechniqueId)!.Name);
        Assert.DoesNotContain(late, Scenes.IsStepCard);
    }

    [Fact]
    public async Task Pain_in_the_users_own_words_mid_walkthrough_stops_it_and_closes_the_card()
    {
        await using var bot = new BotHarness();
        var start = await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);
        await bot.ClickAsync(Replies.Last(start), "Next");

        var replies = await bot.SayAsync("that gave me a sharp twinge");

        Assert.Equal(bot.Messages.HurtsStop, Replies.Text(replies[0]));
        Assert.Single(replies, Replies.IsUpdate);
        Assert.DoesNotContain(await bot.SayAsync("next"), Scenes.IsStepCard);
    }

    [Fact]
    public async Task The_cards_own_words_stay_with_the_walkthrough_which_marks_the_card_as_hurt()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);

        var replies = await bot.SayAsync("that hurts");

        Assert.Equal(bot.Messages.HurtsStop, Replies.Text(replies[0]));
        WalkthroughTests.AssertClosed(Assert.Single(replies, Replies.IsUpdate), bot.Knowledge.FindTechnique(Scenes.TechniqueId)!, 0, bot.Messages.StepCardHurt);
    }

    [Theory]
    [InlineData("it doesn't hurt at all")]
    [InlineData("no pain so far")]
    public async Task A_denied_pain_mid_walkthrough_does_not_stop_it(string typed)
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);

        var replies = await bot.SayAsync(typed);

        Assert.DoesNotContain(bot.Messages.HurtsStop, Replies.AllText(replies), StringComparison.Ordinal);
        WalkthroughTests.AssertStep(Replies.Last(await bot.SayAsync("next")), bot.Knowledge.FindTechnique(Scenes.TechniqueId)!, 1);
    }

    [Fact]
    public async Task Worse_at_the_feedback_question_gets_the_questions_own_reply()
    {
        await using var bot = new BotHarness();
        await Scenes.AtFeedbackQuestionAsync(bot);

        var typed = await bot.SayAsync("Worse");

        Assert.Equal(bot.Messages.FeltWorseReply, Replies.Text(Assert.Single(typed)));
        Assert.DoesNotContain(bot.Messages.HurtsStop, Replies.AllText(typed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pain_typed_at_the_feedback_question_stops_with_what_to_do()
    {
        await using var bot = new BotHarness();
        await Scenes.AtFeedbackQuestionAsync(bot);

        var replies = await bot.SayAsync("it's throbbing now");

        Assert.Equal(bot.Messages.HurtsStop, Replies.Text(Assert.Single(replies)));
    }

    [Fact]
    public async Task Pain_typed_together_with_a_feedback_choice_still_stops_with_what_to_do()
    {
        await using var bot = new BotHarness();
        await Scenes.AtFeedbackQuestionAsync(bot);

        var replies = await bot.SayAsync("better, but now it's aching in a new place");

        Assert.Equal(bot.Messages.HurtsStop, Replies.Text(Assert.Single(replies)));
        Assert.DoesNotContain(bot.Messages.FeltBetterReply, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pain_outside_a_technique_is_not_taken_by_it()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, "ouch my back is sore");

        var (result, sent) = await probe.RunAsync<PainReport>();

        Assert.Same(InterruptionResult.Pass, result);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task Pain_during_the_screening_is_left_to_the_screening()
    {
        await using var bot = new BotHarness();
        await Scenes.AtFirstScreeningQuestionAsync(bot);

        var replies = await bot.SayAsync("no, it's just sore");

        Assert.DoesNotContain(bot.Messages.HurtsStop, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.NotNull(ScreeningDriver.QuestionAsked(bot, replies));
    }
}
