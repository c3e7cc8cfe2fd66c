using BackCare.Bot.Tests.Conversation;

namespace BackCare.Bot.Tests.Dialogs.Interruptions;

/// <summary>The message after a mid-flow "Ask a question": a question first, though the waiting question's own answers still count.</summary>
public sealed class InvitedQuestionTests
{
    private const string QuestionWithBetter = "is foam rolling better than stretching?";

    [Fact]
    public async Task At_the_feedback_question_an_invited_question_with_better_in_it_is_answered_not_taken_as_Better()
    {
        await using var bot = new BotHarness();
        await Scenes.AtFeedbackQuestionAsync(bot);
        await bot.SayAsync("Ask a question");

        var replies = await bot.SayAsync(QuestionWithBetter);

        var text = Replies.AllText(replies);
        Assert.Contains(bot.Knowledge.FindAnswer("faq:foam-vs-stretch")!.Text, text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Messages.FeltBetterReply, text, StringComparison.Ordinal);
        Assert.Contains(bot.Messages.FinishedPrompt, Replies.Text(Replies.Last(replies)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_waiting_questions_own_answer_after_the_invitation_still_answers_it()
    {
        await using var bot = new BotHarness();
        await Scenes.AtFeedbackQuestionAsync(bot);
        await bot.SayAsync("Ask a question");

        var replies = await bot.SayAsync("Better");

        Assert.Contains(bot.Messages.FeltBetterReply, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_the_duration_question_a_length_of_time_after_the_invitation_is_still_the_answer()
    {
        await using var bot = new BotHarness();
        var replies = await bot.SayAsync("my back is stiff");
        while (ScreeningDriver.QuestionAsked(bot, replies) is { } id && id != ScreeningDriver.DurationId)
        {
            replies = await bot.SayAsync(ScreeningDriver.AllClear(id));
        }

        await bot.SayAsync("Ask a question");
        var after = await bot.SayAsync("about 3 days");

        Assert.DoesNotContain(bot.Messages.Fallback, Replies.AllText(after), StringComparison.Ordinal);
        Assert.NotEqual(ScreeningDriver.DurationId, ScreeningDriver.QuestionAsked(bot, after));
    }

    [Fact]
    public async Task Without_the_invitation_the_same_message_is_left_to_the_waiting_question_as_before()
    {
        // What the invitation changes: the same words, uninvited, are read by the feedback question as its own "Better".
        await using var bot = new BotHarness();
        await Scenes.AtFeedbackQuestionAsync(bot);

        var replies = await bot.SayAsync(QuestionWithBetter);

        Assert.Contains(bot.Messages.FeltBetterReply, Replies.AllText(replies), StringComparison.Ordinal);
    }
}
