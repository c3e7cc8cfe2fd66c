using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using BackCare.Bot.Dialogs.Interruptions;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Dialogs.Interruptions;

/// <summary>The waiting question's or card's own answers go to it, not to the router; a typed "did you mean" pick is answered.</summary>
public sealed class WaitingDialogAnswerTests
{
    private static Activity Typed(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static PromptOptions Asking(params string[] choices) => new()
    {
        Prompt = (Activity)MessageFactory.Text("Which one?"),
        Choices = choices.Length == 0 ? null : ChoiceFactory.ToChoices(choices),
    };

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Nope.", true)]
    [InlineData("not sure", false)]
    [InlineData("what does that mean?", false)]
    public async Task At_a_yes_no_question_only_a_yes_or_a_no_is_its_answer(string text, bool understood)
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, text);
        await probe.WaitAtAsync(new ConfirmPrompt("confirm"), Asking());

        Assert.Equal(understood, WaitingDialogAnswer.Understands(probe.Dialogs.Leaf, Typed(text)));
    }

    [Theory]
    [InlineData("About the same", true)]
    [InlineData("2", true)]
    [InlineData("the last one", true)]
    [InlineData("how long should I rest?", false)]
    public async Task At_a_choice_question_a_choice_by_name_or_position_is_its_answer(string text, bool understood)
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, text);
        await probe.WaitAtAsync(new ChoicePrompt("feel"), Asking("Better", "About the same", "Worse"));

        Assert.Equal(understood, WaitingDialogAnswer.Understands(probe.Dialogs.Leaf, Typed(text)));
    }

    [Fact]
    public async Task With_nothing_waiting_nothing_is_understood()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, "yes");

        Assert.False(WaitingDialogAnswer.Understands(probe.Dialogs.Leaf, Typed("yes")));
        var (result, _) = await probe.RunAsync<WaitingDialogAnswer>();
        Assert.Same(InterruptionResult.Pass, result);
    }

    [Fact]
    public async Task An_understood_answer_is_left_to_the_dialog()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, "no");
        await probe.WaitAtAsync(new ConfirmPrompt("confirm"), Asking());

        var (result, sent) = await probe.RunAsync<WaitingDialogAnswer>();

        Assert.Same(InterruptionResult.LeaveToDialog, result);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task A_card_submit_passes_to_the_card_checks()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Submitting(bot, new JObject { [ChoiceFactory.SubmitChoiceKey] = "Better" });
        await probe.WaitAtAsync(new ChoicePrompt("feel"), Asking("Better", "Worse"));

        var (result, _) = await probe.RunAsync<WaitingDialogAnswer>();

        Assert.Same(InterruptionResult.Pass, result);
    }

    [Fact]
    public async Task PickFromClarification_finds_the_offered_id_by_its_title_or_position()
    {
        await using var bot = new BotHarness();
        var moves = bot.Service<ConversationMoves>();
        var offered = bot.Knowledge.Answers.Take(2).Select(a => a.Id).ToList();

        Assert.Equal(offered[1], WaitingDialogAnswer.PickFromClarification(moves, bot.Knowledge.Answers[1].Question, offered));
        Assert.Equal(offered[0], WaitingDialogAnswer.PickFromClarification(moves, "the first one", offered));
    }

    [Theory]
    [InlineData("neither of these")]
    [InlineData("what's the weather like")]
    public async Task PickFromClarification_finds_nothing_in_an_answer_that_picks_none(string answer)
    {
        await using var bot = new BotHarness();
        var offered = new List<string> { "tip:sleep", ContentIds.Techniques[0] };

        Assert.Null(WaitingDialogAnswer.PickFromClarification(bot.Service<ConversationMoves>(), answer, offered));
    }

    [Fact]
    public async Task A_technique_named_at_the_picker_starts_it_rather_than_a_new_screening()
    {
        await using var bot = new BotHarness();
        await Scenes.AtPickerAsync(bot);

        var replies = await bot.SayAsync(bot.Knowledge.FindTechnique("knee-to-chest")!.Name);

        WalkthroughTests.AssertStep(Replies.Last(replies), bot.Knowledge.FindTechnique("knee-to-chest")!, 0);
    }

    [Fact]
    public async Task Better_typed_at_the_feedback_question_gets_its_reply()
    {
        await using var bot = new BotHarness();
        await Scenes.AtFeedbackQuestionAsync(bot);

        var replies = await bot.SayAsync("better");

        Assert.Equal(bot.Messages.FeltBetterReply, Replies.Text(Assert.Single(replies)));
    }

    [Fact]
    public async Task A_did_you_mean_pick_typed_by_position_is_answered()
    {
        await using var bot = new BotHarness(channelId: "emulator");
        var offer = Replies.Last(await bot.SayAsync("cracking my back"));
        var title = Replies.Buttons(offer)[1].Title;

        // The router alone could not read "the second one"; only the pending offer gives it a meaning.
        var replies = await bot.SayAsync("the second one");

        Assert.Contains(bot.Knowledge.Answers.Single(a => a.Question == title).Text, Replies.AllText(replies), StringComparison.Ordinal);
    }
}
