using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Tests.Bots;

/// <summary>The bot's welcome and menu, through the SDK's TestFlow.</summary>
public sealed class BackCareBotTests
{
    [Fact]
    public async Task Welcomes_a_user_who_joins_then_shows_the_menu()
    {
        await using var bot = new BotHarness();
        var update = bot.Adapter.MakeActivity();
        update.Type = ActivityTypes.ConversationUpdate;
        update.MembersAdded = [new ChannelAccount("user1", "User"), update.Recipient];

        await bot.Flow()
            .Send(update)
            .AssertReply(bot.Messages.Welcome)
            .AssertReply(bot.Messages.MenuPrompt)
            .StartTestAsync();
    }

    [Fact]
    public async Task Does_not_welcome_when_only_the_bot_joins_outside_Teams()
    {
        await using var bot = new BotHarness(channelId: "emulator");
        var update = bot.Adapter.MakeActivity();
        update.Type = ActivityTypes.ConversationUpdate;
        update.MembersAdded = [update.Recipient];

        await bot.Flow()
            .Send(update)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task The_menu_leads_to_techniques_questions_and_tips()
    {
        await using var bot = new BotHarness();
        var firstQuestion = bot.Knowledge.Screening.Checks[0].Text;

        await bot.Flow()
            .Send("hi").AssertReply(bot.Messages.MenuPrompt)
            .Send(bot.Messages.MenuTechniques)
            .AssertReply(bot.Knowledge.Screening.Introduction)
            .AssertReply(a => Assert.StartsWith(firstQuestion, a.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("menu").AssertReply(bot.Messages.MenuPrompt)
            .Send("the second one").AssertReply(bot.Messages.AskQuestionPrompt)
            .Send("how often should I crack my back?").AssertReply(a => Assert.Contains(bot.Knowledge.FindAnswer("faq:how-often")!.Text, Replies.Text(a), StringComparison.Ordinal))
            .Send("menu").AssertReply(bot.Messages.MenuPrompt)
            .Send("3").AssertReply(a => Assert.Contains(bot.Messages.TipsIntro, Replies.Text(a), StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_card_submit_with_no_text_picks_a_menu_entry()
    {
        await using var bot = new BotHarness();
        var submit = bot.Adapter.MakeActivity();
        submit.Text = null;
        submit.Value = new Newtonsoft.Json.Linq.JObject { ["choice"] = bot.Messages.MenuQuestion };

        await bot.Flow()
            .Send("hi").AssertReply(bot.Messages.MenuPrompt)
            .Send(submit).AssertReply(bot.Messages.AskQuestionPrompt)
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_stops_and_the_next_message_starts_afresh()
    {
        await using var bot = new BotHarness();

        await bot.Flow()
            .Send("hi").AssertReply(bot.Messages.MenuPrompt)
            .Send(bot.Messages.MenuQuestion).AssertReply(bot.Messages.AskQuestionPrompt)
            .Send("cancel").AssertReply(bot.Messages.Cancelled)
            .Send("hello again").AssertReply(bot.Messages.MenuPrompt)
            .StartTestAsync();
    }

    [Fact]
    public async Task Unclear_menu_answers_are_asked_again_then_given_a_plain_way_out()
    {
        await using var bot = new BotHarness();

        await bot.Flow()
            .Send("hi").AssertReply(bot.Messages.MenuPrompt)
            .Send("purple").AssertReply(bot.Messages.MenuPrompt)
            .Send("banana").AssertReply(bot.Messages.MenuPrompt)
            .Send("zzz").AssertReply(a => Assert.Contains("\"menu\"", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("hi").AssertReply(bot.Messages.MenuPrompt)
            .StartTestAsync();
    }
}
