using BackCare.Bot.Content;
using BackCare.Bot.LoadTest;
using BackCare.Bot.Tests.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Bot.Builder.Adapters;
using LoadTestConnector = BackCare.Bot.LoadTest.FakeConnector;
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

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_load_tests_conversation_runs_clean_through_every_technique(string mode)
    {
        var delivery = Enum.Parse<Delivery>(mode);
        await using var connector = await LoadTestConnector.StartAsync(CancellationToken.None);
        // Pacing off, as in the load test itself: its conversations run at machine speed, and paced to Teams' limits each
        // would take several seconds of waiting that check nothing here (SendPacing*Tests do).
        using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["BackCare:SendPacing"] = "false" });
        using var http = factory.CreateClient();
        var knowledge = factory.Services.GetRequiredService<KnowledgeBase>();
        var lane = new Lane("BackCare", new Uri(http.BaseAddress!, "api/messages"), delivery, new BackCareScript(knowledge));
        var tally = new TurnTally();

        for (var iteration = 0; iteration < knowledge.Techniques.Count; iteration++)
        {
            var id = $"load-script-{mode}-{iteration}";
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
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--bot-setting", "BackCare:SendPacing=true" }, true)]
    [InlineData(new[] { "--bot-setting", "backcare:sendpacing=True", "--bot-setting", "BackCare:SendPacing=false" }, false)]
    public void The_load_test_runs_BackCare_unpaced_unless_a_bot_setting_says_otherwise(string[] args, bool paced)
    {
        var options = LoadTestOptions.Parse(args, out var error);

        Assert.NotNull(options);
        Assert.Null(error);
        Assert.Equal(paced, options.SendPacing);
    }

    [Fact]
    public async Task The_echo_baseline_bot_says_back_what_it_is_told_as_the_SDKs_sample_does()
    {
        await new TestFlow(new TestAdapter(), new EchoBot())
            .Send("hello")
            .AssertReply(EchoBot.EchoOf("hello"))
            .StartTestAsync();
    }
}
