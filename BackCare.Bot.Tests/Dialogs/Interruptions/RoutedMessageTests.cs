using BackCare.Bot.Dialogs.Interruptions;
using BackCare.Bot.Tests.Conversation;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Dialogs.Interruptions;

/// <summary>
/// Last, the router: a clear answer is given (mid-dialog too, then back to where the user was), an unsure one gets
/// "did you mean", a technique starts the screening, and a walkthrough is not dropped for a weak technique match.
/// </summary>
public sealed class RoutedMessageTests
{
    private const string Question = "is foam rolling better than stretching?";

    private static string AnswerText(BotHarness bot) => bot.Knowledge.FindAnswer("faq:foam-vs-stretch")!.Text;

    [Fact]
    public async Task A_clear_question_at_the_root_is_answered_alone()
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync(Question);

        Assert.Contains(AnswerText(bot), Replies.Text(Assert.Single(replies)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clear_question_mid_screening_is_answered_then_the_same_question_is_asked_again()
    {
        await using var bot = new BotHarness();
        var first = await Scenes.AtFirstScreeningQuestionAsync(bot);

        var replies = await bot.SayAsync(Question);

        Assert.Contains(AnswerText(bot), Replies.Text(replies[0]), StringComparison.Ordinal);
        Assert.Contains(bot.Messages.ResumePrompt, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Equal(ScreeningDriver.QuestionAsked(bot, first), ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task A_clear_question_at_the_menu_ends_the_menu()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync("hello");

        var replies = await bot.SayAsync(Question);

        Assert.Contains(AnswerText(bot), Replies.Text(Assert.Single(replies)), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Messages.MenuPrompt, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stiffness_with_no_technique_named_starts_the_screening()
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync("my lower back is so stiff");

        Assert.True(ScreeningDriver.QuestionAsked(bot, replies) is not null, Replies.AllText(replies));
    }

    [Fact]
    public async Task An_unsure_question_gets_did_you_mean_with_a_way_out()
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync("cracking my back");

        var offer = Replies.Last(replies);
        var titles = Replies.Buttons(offer).Select(b => b.Title).ToList();
        Assert.InRange(titles.Count, 3, 4);
        Assert.Equal(bot.Messages.ClarifyNeither, titles[^1]);
        Assert.Contains(titles[0], Replies.Text(offer), StringComparison.Ordinal);
        Assert.Contains(titles[1], Replies.Text(offer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_did_you_mean_mid_screening_keeps_the_screening_for_the_next_answer()
    {
        await using var bot = new BotHarness();
        var first = await Scenes.AtFirstScreeningQuestionAsync(bot);
        await bot.SayAsync("cracking my back");

        var replies = await bot.SayAsync("no");

        var asked = ScreeningDriver.QuestionAsked(bot, replies);
        Assert.NotNull(asked);
        Assert.NotEqual(ScreeningDriver.QuestionAsked(bot, first), asked);
    }

    [Fact]
    public async Task Off_topic_at_the_root_gets_the_honest_fallback()
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync("who won the cup final last year");

        Assert.Contains(bot.Messages.Fallback, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_topic_mid_walkthrough_is_left_to_the_walkthrough_which_keeps_its_step()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);

        var replies = await bot.SayAsync("who won the cup final last year");

        Assert.Equal(bot.Messages.StepHelp, Replies.Text(Assert.Single(replies)));
        WalkthroughTests.AssertStep(Replies.Last(await bot.SayAsync("next")), bot.Knowledge.FindTechnique(Scenes.TechniqueId)!, 1);
    }

    [Fact]
    public async Task A_vague_technique_question_mid_walkthrough_does_not_drop_the_step()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);

        var replies = await bot.SayAsync("which stretch is good for a tight back?");

        Assert.DoesNotContain(bot.Messages.ClarifyNeither, replies.SelectMany(Replies.Buttons).Select(b => b.Title));
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
        WalkthroughTests.AssertStep(Replies.Last(await bot.SayAsync("next")), bot.Knowledge.FindTechnique(Scenes.TechniqueId)!, 1);
    }

    [Fact]
    public async Task A_card_submit_no_earlier_check_took_is_left_to_the_dialog()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Submitting(bot, new JObject { ["action"] = "next" });

        var (result, sent) = await probe.RunAsync<RoutedMessage>();

        Assert.Same(InterruptionResult.LeaveToDialog, result);
        Assert.Empty(sent);
    }
}
