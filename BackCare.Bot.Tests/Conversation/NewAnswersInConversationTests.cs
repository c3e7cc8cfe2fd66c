namespace BackCare.Bot.Tests.Conversation;

/// <summary>The answers added for what patients ask (issue 10, item 12), reached by typing, through the SDK's TestFlow.</summary>
public sealed class NewAnswersInConversationTests
{
    [Fact]
    public async Task Heat_or_ice_typed_in_chat_words_gets_its_answer_and_tell_me_more_gives_the_rest()
    {
        await using var bot = new BotHarness();
        var answer = bot.Knowledge.FindAnswer("topic:heat-or-ice")!;

        await bot.Flow()
            .Send("hot water bottle or ice on my stiff lower back??")
            .AssertReply(a => Assert.Contains(answer.Text, Replies.Text(a), StringComparison.Ordinal))
            .Send("tell me more")
            .AssertReply(a => Assert.Contains(answer.More!, Replies.Text(a), StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_signpost_question_asked_after_the_menu_gets_the_signpost()
    {
        await using var bot = new BotHarness();

        await bot.Flow()
            .Send("hi").AssertReply(bot.Messages.MenuPrompt)
            .Send(bot.Messages.MenuQuestion).AssertReply(bot.Messages.AskQuestionPrompt)
            .Send("my gp says I don't need an mri for my back, is that right?")
            .AssertReply(a => Assert.Contains(bot.Knowledge.FindAnswer("topic:scans")!.Text, Replies.Text(a), StringComparison.Ordinal))
            .StartTestAsync();
    }
}
