using System.Globalization;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.Dialogs.Interruptions;
using BackCare.Bot.Hosting;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Tests.Dialogs.Interruptions;

public sealed class MessageLengthCheckTests
{
    private static int Limit(BotHarness bot) => bot.Service<IOptions<BackCareOptions>>().Value.MaxMessageLength;

    private static string TooLong(BotHarness bot, int limit) => string.Format(CultureInfo.InvariantCulture, bot.Messages.TooLong, limit);

    [Fact]
    public async Task A_message_of_exactly_the_limit_is_read()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, new string('x', Limit(bot)));

        var (result, sent) = await probe.RunAsync<MessageLengthCheck>();

        Assert.Same(InterruptionResult.Pass, result);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task One_character_over_the_limit_is_refused_with_the_limit_named_and_ends_the_turn_at_the_root()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, new string('x', Limit(bot) + 1));

        var (result, sent) = await probe.RunAsync<MessageLengthCheck>();

        Assert.True(result.Stops);
        Assert.Equal(DialogTurnStatus.Complete, result.Turn?.Status);
        Assert.Equal(TooLong(bot, Limit(bot)), Replies.Text(Assert.Single(sent)));
    }

    [Fact]
    public async Task Over_the_limit_with_a_question_waiting_the_question_keeps_waiting()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, new string('x', Limit(bot) + 1));
        await probe.WaitAtAsync(new ConfirmPrompt("ready"), new PromptOptions { Prompt = (Activity)Microsoft.Bot.Builder.MessageFactory.Text("Ready?") });

        var (result, _) = await probe.RunAsync<MessageLengthCheck>();

        Assert.Equal(DialogTurnStatus.Waiting, result.Turn?.Status);
        Assert.Equal("ready", probe.Dialogs.ActiveDialog?.Id);
    }

    [Fact]
    public async Task Spaces_around_a_message_do_not_count_towards_the_limit()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, "   " + new string('x', Limit(bot)) + "   ");

        var (result, _) = await probe.RunAsync<MessageLengthCheck>();

        Assert.Same(InterruptionResult.Pass, result);
    }

    [Fact]
    public async Task The_limit_comes_from_the_settings()
    {
        await using var bot = new BotHarness(settings: new Dictionary<string, string?> { ["BackCare:MaxMessageLength"] = "40" });

        var atLimit = await bot.SayAsync("is foam rolling better than stretching?!");
        var over = await bot.SayAsync("is foam rolling better than stretching?!!");

        Assert.Equal(40, "is foam rolling better than stretching?!".Length);
        Assert.DoesNotContain(TooLong(bot, 40), Replies.AllText(atLimit), StringComparison.Ordinal);
        Assert.Equal(TooLong(bot, 40), Replies.Text(Assert.Single(over)));
    }

    [Fact]
    public async Task An_over_long_answer_at_a_screening_question_loses_nothing_the_same_question_is_still_open()
    {
        await using var bot = new BotHarness();
        var first = await Scenes.AtFirstScreeningQuestionAsync(bot);
        var asked = ScreeningDriver.QuestionAsked(bot, first);

        var replies = await bot.SayAsync("no " + new string('.', Limit(bot)));

        Assert.Equal(TooLong(bot, Limit(bot)), Replies.Text(Assert.Single(replies)));
        var next = await bot.SayAsync("no");
        var nextAsked = ScreeningDriver.QuestionAsked(bot, next);
        Assert.NotNull(nextAsked);
        Assert.NotEqual(asked, nextAsked);
    }
}
