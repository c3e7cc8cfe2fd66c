using BackCare.Bot.Bots;
using BackCare.Bot.Dialogs;
using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Bots;

public sealed class BackCareBotTests
{
    private readonly MemoryStorage _storage = new();

    [Fact]
    public async Task Welcomes_a_user_who_joins_then_shows_the_menu()
    {
        var adapter = new TestAdapter();
        var update = adapter.MakeActivity();
        update.Type = ActivityTypes.ConversationUpdate;
        update.MembersAdded = [new ChannelAccount("user1", "User"), update.Recipient];

        await new TestFlow(adapter, CreateBot().OnTurnAsync)
            .Send(update)
            .AssertReply(BackCareBot.WelcomeText)
            .AssertReply(MainDialog.MenuPrompt)
            .StartTestAsync();
    }

    [Fact]
    public async Task Does_not_welcome_when_only_the_bot_joins()
    {
        var adapter = new TestAdapter();
        var update = adapter.MakeActivity();
        update.Type = ActivityTypes.ConversationUpdate;
        update.MembersAdded = [update.Recipient];

        await new TestFlow(adapter, CreateBot().OnTurnAsync)
            .Send(update)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Each_menu_branch_says_plainly_it_is_not_ready_and_returns_to_the_menu()
    {
        await NewFlow()
            .Send("hi").AssertReply(MainDialog.MenuPrompt)
            .Send("Try a technique").AssertReply(MainDialog.TechniquesPlaceholder).AssertReply(MainDialog.MenuPrompt)
            .Send("3").AssertReply(MainDialog.TipsPlaceholder).AssertReply(MainDialog.MenuPrompt)
            .Send("the second one").AssertReply("What would you like to know?")
            .Send("is foam rolling better than stretching?").AssertReply(MainDialog.QuestionPlaceholder).AssertReply(MainDialog.MenuPrompt)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_card_submit_with_no_text_picks_a_menu_entry()
    {
        var adapter = new TestAdapter();
        var submit = adapter.MakeActivity();
        submit.Text = null;
        submit.Value = new JObject { ["choice"] = MainDialog.PreventionTips };

        await new TestFlow(adapter, CreateBot().OnTurnAsync)
            .Send("hi").AssertReply(MainDialog.MenuPrompt)
            .Send(submit).AssertReply(MainDialog.TipsPlaceholder).AssertReply(MainDialog.MenuPrompt)
            .StartTestAsync();
    }

    [Fact]
    public async Task Menu_and_help_restart_from_the_middle_of_a_question()
    {
        await NewFlow()
            .Send("hi").AssertReply(MainDialog.MenuPrompt)
            .Send("Ask a question").AssertReply("What would you like to know?")
            .Send("menu").AssertReply(MainDialog.MenuPrompt)
            .Send("Ask a question").AssertReply("What would you like to know?")
            .Send("Help!").AssertReply(MainDialog.MenuPrompt)
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_stops_and_the_next_message_shows_the_menu_again()
    {
        await NewFlow()
            .Send("hi").AssertReply(MainDialog.MenuPrompt)
            .Send("Ask a question").AssertReply("What would you like to know?")
            .Send("cancel").AssertReply(MainDialog.CancelledText)
            .Send("hello again").AssertReply(MainDialog.MenuPrompt)
            .StartTestAsync();
    }

    [Fact]
    public async Task Unclear_menu_answers_get_the_retry_prompt_then_a_plain_way_out()
    {
        await NewFlow()
            .Send("hi").AssertReply(MainDialog.MenuPrompt)
            .Send("purple").AssertReply(a => Assert.StartsWith("Please pick one", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("banana").AssertReply(a => Assert.StartsWith("Please pick one", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("zzz").AssertReply(a => Assert.Contains("\"menu\"", a.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("hi").AssertReply(MainDialog.MenuPrompt)
            .StartTestAsync();
    }

    private TestFlow NewFlow() => new(new TestAdapter(), CreateBot().OnTurnAsync);

    private BackCareBot CreateBot() => new(new ConversationState(_storage), new UserState(_storage), new MainDialog());
}
