using BackCare.Bot.Content;
using BackCare.Bot.LoadTest;
using BackCare.Bot.Tests.Http;
using BackCare.Bot.TestSupport;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;
using LoadTestConversation = BackCare.Bot.LoadTest.Conversation;

namespace BackCare.Bot.Tests.Hosting;

/// <summary>
/// The load test's BackCare conversation (BackCare.Bot.LoadTest/BackCareScript.cs), run once per
/// technique against the bot hosted here, in both delivery modes: every turn answered as the script
/// expects, every reply counted once. Figures are the load test's business; this only keeps its
/// script true to the bot.
/// </summary>
public sealed class LoadScriptTests
{
    public static TheoryData<string> Modes() => new(nameof(Delivery.ExpectReplies), nameof(Delivery.Normal));

    public static TheoryData<string, bool> ModesAndAnswers() => new()
    {
        { nameof(Delivery.ExpectReplies), false },
        { nameof(Delivery.Normal), false },
        { nameof(Delivery.ExpectReplies), true },
        { nameof(Delivery.Normal), true },
    };

    [Theory]
    [MemberData(nameof(ModesAndAnswers))]
    public async Task The_load_tests_conversation_runs_clean_through_every_technique(string mode, bool answerByButtons)
    {
        var delivery = Enum.Parse<Delivery>(mode);
        await using var connector = await FakeConnector.StartAsync(keepRequests: false);
        using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var knowledge = factory.Services.GetRequiredService<KnowledgeBase>();
        var lane = new Lane("BackCare", new Uri(http.BaseAddress!, "api/messages"), delivery, new BackCareScript(knowledge, answerByButtons));
        var tally = new TurnTally();

        for (var iteration = 0; iteration < knowledge.Techniques.Count; iteration++)
        {
            var id = $"load-script-{mode}-{answerByButtons}-{iteration}";
            var conversation = new LoadTestConversation(http, lane, "msteams", connector.ServiceUrl, connector.Open(id), tally, long.MaxValue, id, "user-" + id);
            try
            {
                await lane.Script.RunAsync(conversation, iteration, CancellationToken.None);
            }
            catch (ScriptException exception)
            {
                Assert.Fail($"Conversation {iteration} strayed from the script: {exception.Message}");
            }

            conversation.CountLateReplies();
            connector.Close(id);
        }

        Assert.Equal((0, 0L, 0L, 0L), (tally.Errors, tally.Lost, tally.Extra, tally.Misaddressed));
        Assert.Equal(0, connector.Stray);
        Assert.Equal(delivery == Delivery.Normal ? tally.Replies : 0, connector.Received);

        // Teams (normal delivery) gets step cards changed in place; expectReplies cannot update, so gets new cards.
        Assert.Equal(delivery == Delivery.Normal, connector.Updates > 0);

        // Answering by buttons, only the menu choice and "how long" are typed in each visit.
        var typed = tally.LatenciesByKind[TurnKind.Text].Count;
        Assert.Equal(answerByButtons ? 2 * knowledge.Techniques.Count : typed, typed);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_free_text_script_gets_something_to_read_for_every_question(string mode)
    {
        var delivery = Enum.Parse<Delivery>(mode);
        await using var connector = await FakeConnector.StartAsync(keepRequests: false);
        using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var knowledge = factory.Services.GetRequiredService<KnowledgeBase>();
        var script = new FreeTextScript(new BackCareScript(knowledge), new FreeTextQuestions());
        var lane = new Lane("BackCare", new Uri(http.BaseAddress!, "api/messages"), delivery, script);
        var tally = new TurnTally();

        // Enough conversations for every question's subject to be asked once.
        var conversations = (FreeTextQuestions.QuestionCount / FreeTextScript.Messages) + 1;
        for (var iteration = 0; iteration < conversations; iteration++)
        {
            var id = $"load-free-text-{mode}-{iteration}";
            var conversation = new LoadTestConversation(http, lane, "msteams", connector.ServiceUrl, connector.Open(id), tally, long.MaxValue, id, "user-" + id);
            try
            {
                await script.RunAsync(conversation, iteration, CancellationToken.None);
            }
            catch (ScriptException exception)
            {
                Assert.Fail($"Conversation {iteration} strayed from the script: {exception.Message}");
            }

            conversation.CountLateReplies();
            connector.Close(id);
        }

        Assert.Equal((0, 0L, 0L, 0L), (tally.Errors, tally.Lost, tally.Extra, tally.Misaddressed));
        Assert.Equal(conversations * FreeTextScript.Messages, tally.LatenciesByKind[TurnKind.Text].Count);
        Assert.Equal(0, connector.Stray);
    }

    [Fact]
    public void No_free_text_question_is_sent_twice_in_a_run()
    {
        // Compared as a cache might key them: case and spacing ignored.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0L; i < FreeTextQuestions.DistinctTexts + 1000; i++)
        {
            var text = FreeTextQuestions.Compose(i);
            Assert.True(seen.Add(string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))), $"text {i} repeats: {text}");
        }
    }

    [Fact]
    public async Task The_echo_baseline_bot_says_back_what_it_is_told_as_the_SDKs_sample_does()
    {
        await new TestFlow(new TestAdapter(), new EchoBot())
            .Send("hello")
            .AssertReply(EchoBot.EchoOf("hello"))
            .StartTestAsync();
    }

    // Pacing off, as in the load test itself: its conversations run at machine speed, and paced to Teams' limits each
    // would take several seconds of waiting that check nothing here (SendPacing*Tests do).
    private static BotApplicationFactory CreateFactory() =>
        new(new Dictionary<string, string?> { ["BackCare:SendPacing"] = "false" });
}
