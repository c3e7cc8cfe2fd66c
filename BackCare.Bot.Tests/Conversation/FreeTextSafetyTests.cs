using BackCare.Bot.Dialogs;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>
/// What people write in their own words, wherever the conversation is: a red flag inside another answer, a
/// misspelt one, a denied one, pain typed during a technique, a question mid-walkthrough, old buttons after an
/// emergency answer, and the trace's decision and layer.
/// </summary>
public sealed class FreeTextSafetyTests
{
    private const string TechniqueId = "knee-to-chest";

    [Theory]
    [InlineData("no, though both my legs went numb this morning")]
    [InlineData("no but I had an accident with my bladder at work today")]
    [InlineData("nope - slipped down the stairs on sunday and it's been agony since")]
    [InlineData("No. But I can't feel my bum when I wipe")]
    public async Task A_red_flag_inside_a_screening_answer_wins_over_the_no(string answer)
    {
        await using var bot = new BotHarness();
        var first = await bot.SayAsync("my back is stiff");
        Assert.NotNull(ScreeningDriver.QuestionAsked(bot, first));

        var replies = await bot.SayAsync(answer);

        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Theory]
    [InlineData("ive lost controll of my bowels since yesterday")]
    [InlineData("both my legz went numm overnight")]
    [InlineData("my foot keeps flopping and dragging when I walk")]
    [InlineData("got rear-ended on the motorway and my lower back is really sore")]
    public async Task A_red_flag_in_everyday_or_misspelt_words_as_the_first_message_gets_the_emergency_answer(string message)
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync(message);

        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my bladder's fine and nothing is numb, my back is just stiff")]
    [InlineData("no numbness, no trouble peeing, just a stiff lower back")]
    [InlineData("my dad had a fall last week but my own back is only a bit stiff")]
    public async Task A_denied_or_someone_elses_red_flag_starts_the_screening_not_the_emergency_answer(string message)
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync(message);

        Assert.DoesNotContain(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
        var next = await bot.SayAsync("my back is stiff");
        Assert.NotNull(ScreeningDriver.QuestionAsked(bot, next));
    }

    [Theory]
    [InlineData("argh, that's really sore now")]
    [InlineData("ow my back is killing me doing this")]
    public async Task Pain_typed_mid_walkthrough_in_any_words_stops_it(string message)
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, TechniqueId);

        var replies = await bot.SayAsync(message);

        Assert.Contains(bot.Messages.HurtsStop, Replies.AllText(replies), StringComparison.Ordinal);
        var next = await bot.SayAsync("next");
        Assert.DoesNotContain("Step 2 of", Replies.AllText(next), StringComparison.Ordinal);
    }

    [Fact]
    public async Task This_hurts_typed_at_the_technique_picker_stops_rather_than_asking_which_technique()
    {
        await using var bot = new BotHarness();
        var (_, picker) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        Assert.Contains("Start ", string.Join(" ", Replies.Buttons(Replies.Last(picker)).Select(b => b.Title)), StringComparison.Ordinal);

        var replies = await bot.SayAsync("this hurts");

        Assert.Equal(bot.Messages.HurtsStop, Replies.Text(replies[0]));
    }

    [Fact]
    public async Task A_vague_question_mid_walkthrough_keeps_the_walkthrough_where_it_was()
    {
        await using var bot = new BotHarness();
        var start = await WalkthroughTests.StartAsync(bot, TechniqueId);
        await bot.ClickAsync(Replies.Last(start), "Next");

        var replies = await bot.SayAsync("how long should I hold a stretch?");
        var text = Replies.AllText(replies);

        Assert.DoesNotContain("Start ", string.Join(" ", replies.SelectMany(Replies.Buttons).Select(b => b.Title)), StringComparison.Ordinal);
        var next = await bot.SayAsync("next");
        Assert.Contains("Step 3 of", Replies.AllText(next), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Knowledge.Screening.Outcomes.Emergency, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_emergency_answer_old_buttons_repeat_the_advice_and_offer_I_answered_by_mistake()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, TechniqueId);
        await bot.SayAsync("I can't feel anything when I wipe");

        foreach (var button in new[] { new JObject { ["action"] = "next" }, new JObject { ["action"] = "tip", ["id"] = "posture" }, new JObject { ["action"] = "choose", ["id"] = TechniqueId } })
        {
            var replies = await bot.SubmitAsync(button);
            var text = Replies.AllText(replies);

            Assert.Contains(bot.Messages.UrgentReminder, text, StringComparison.Ordinal);
            Assert.DoesNotContain(bot.Messages.StaleCard, text, StringComparison.Ordinal);
            Assert.Contains("I answered by mistake", replies.SelectMany(Replies.Buttons).Select(b => b.Title));
        }
    }

    [Theory]
    [InlineData("is foam rolling better than stretching?", "answer", "keyword")]
    [InlineData("my legs both went numb and my back hurts", "urgent", "safety")]
    [InlineData("how do I back up my files to the cloud", "fallback", "keyword")]
    [InlineData("show me the knee to chest stretch", "start", "keyword")]
    public async Task The_trace_says_what_the_user_was_shown_and_which_layer_decided(string message, string decision, string layer)
    {
        await using var bot = new BotHarness(channelId: "emulator", sendTraces: true);

        var replies = await bot.SayAsync(message);

        var trace = (ITraceActivity)Assert.Single(replies, r => r.Type == ActivityTypes.Trace);
        Assert.Equal(MainDialog.KeywordRouterTraceName, trace.Name);
        var value = JObject.FromObject(trace.Value);
        Assert.Equal(decision, (string?)value["decision"]);
        Assert.Equal(layer, (string?)value["layer"]);
    }
}
