using BackCare.Bot.Dialogs.Interruptions;
using BackCare.Bot.Tests.Conversation;

namespace BackCare.Bot.Tests.Dialogs.Interruptions;

/// <summary>"menu", reminders, "cancel" and "tell me more", typed anywhere.</summary>
public sealed class TypedCommandsTests
{
    [Theory]
    [InlineData("menu")]
    [InlineData("Main menu!")]
    [InlineData("start over")]
    public async Task Menu_mid_walkthrough_closes_the_step_card_and_shows_the_menu(string typed)
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);

        var replies = await bot.SayAsync(typed);

        Assert.Contains(bot.Messages.MenuPrompt, Replies.Text(Replies.Last(replies)), StringComparison.Ordinal);
        WalkthroughTests.AssertClosed(Assert.Single(replies, Replies.IsUpdate), bot.Knowledge.FindTechnique(Scenes.TechniqueId)!, 0, bot.Messages.StepCardStopped);
    }

    [Fact]
    public async Task Menu_mid_screening_leaves_the_questions_for_the_menu()
    {
        await using var bot = new BotHarness();
        await Scenes.AtFirstScreeningQuestionAsync(bot);

        var replies = await bot.SayAsync("options");

        Assert.Contains(bot.Messages.MenuPrompt, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task Stop_mid_walkthrough_is_the_walkthroughs_own_Stop()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);

        var replies = await bot.SayAsync("stop");

        var text = Replies.AllText(replies);
        Assert.Contains(bot.Messages.WalkthroughStopped, text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Messages.Cancelled, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("never mind")]
    [InlineData("exit")]
    public async Task Cancel_mid_walkthrough_ends_everything(string typed)
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);

        var replies = await bot.SayAsync(typed);

        var text = Replies.AllText(replies);
        Assert.Contains(bot.Messages.Cancelled, text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Messages.WalkthroughStopped, text, StringComparison.Ordinal);
        Assert.DoesNotContain(await bot.SayAsync("next"), Scenes.IsStepCard);
    }

    [Fact]
    public async Task Stop_outside_a_walkthrough_cancels_the_screening()
    {
        await using var bot = new BotHarness();
        await Scenes.AtFirstScreeningQuestionAsync(bot);

        var replies = await bot.SayAsync("stop");

        Assert.Equal(bot.Messages.Cancelled, Replies.Text(Assert.Single(replies)));
    }

    [Fact]
    public async Task A_reminder_request_mid_walkthrough_is_set_then_the_same_step_is_shown_again()
    {
        await using var bot = new BotHarness();
        var start = await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);
        await bot.ClickAsync(Replies.Last(start), "Next");

        var replies = await bot.SayAsync("remind me to move every 45 minutes");

        var text = Replies.AllText(replies);
        Assert.Contains("every 45 minutes", text, StringComparison.Ordinal);
        Assert.Contains(bot.Messages.ResumePrompt, text, StringComparison.Ordinal);
        WalkthroughTests.AssertStep(Replies.Last(replies), bot.Knowledge.FindTechnique(Scenes.TechniqueId)!, 1);
    }

    [Fact]
    public async Task A_reminder_request_it_cannot_read_says_so_rather_than_starting_a_technique()
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync("remind me to move every 5 minutes");

        Assert.Equal(bot.Messages.ReminderIntervalOutOfRange, Replies.Text(Assert.Single(replies)));
    }

    [Fact]
    public async Task Tell_me_more_typed_after_an_answer_mid_screening_gives_more_then_the_same_question()
    {
        await using var bot = new BotHarness();
        var answer = bot.Knowledge.Answers.First(a => a.More is not null);
        var first = await Scenes.AtFirstScreeningQuestionAsync(bot);
        var asked = ScreeningDriver.QuestionAsked(bot, first);
        var answered = await bot.SayAsync(answer.Question);
        Assert.Contains(answer.Text, Replies.AllText(answered), StringComparison.Ordinal);

        var replies = await bot.SayAsync("more please");

        Assert.Contains(answer.More!, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Equal(asked, ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task Tell_me_more_with_no_answer_given_yet_passes()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, "tell me more");

        var (result, sent) = await probe.RunAsync<TypedCommands>();

        Assert.Same(InterruptionResult.Pass, result);
        Assert.Empty(sent);
    }

    [Theory]
    [InlineData("menu please and also a question")]
    [InlineData("don't cancel")]
    public async Task A_command_word_inside_a_longer_message_is_not_the_command(string typed)
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, typed);

        var (result, sent) = await probe.RunAsync<TypedCommands>();

        Assert.Same(InterruptionResult.Pass, result);
        Assert.Empty(sent);
    }
}
