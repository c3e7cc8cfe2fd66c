using BackCare.Bot.Dialogs;
using BackCare.Bot.Dialogs.Interruptions;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Dialogs.Interruptions;

/// <summary>The safety net: a red flag in typed text gets the emergency answer wherever the user is.</summary>
public sealed class RedFlagCheckTests
{
    [Fact]
    public async Task A_red_flag_is_taken_marks_the_conversation_and_sends_the_emergency_advice()
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, Scenes.RedFlag);

        var (result, sent) = await probe.RunAsync<RedFlagCheck>();

        Assert.True(result.Stops);
        Assert.NotNull(result.Turn);
        Assert.True(probe.Conversation.EmergencyReported);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(sent), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my back is stiff after gardening")]
    [InlineData("no numbness anywhere, it's only stiff")]
    [InlineData("yes")]
    public async Task A_message_without_a_red_flag_passes_and_leaves_the_conversation_unmarked(string text)
    {
        await using var bot = new BotHarness();
        using var probe = HandlerProbe.Saying(bot, text);

        var (result, sent) = await probe.RunAsync<RedFlagCheck>();

        Assert.Same(InterruptionResult.Pass, result);
        Assert.Empty(sent);
        Assert.False(probe.Conversation.EmergencyReported);
    }

    [Fact]
    public async Task A_card_submit_has_no_text_to_read_and_passes()
    {
        await using var bot = new BotHarness();

        // Card data is ours, not the user's words; even red-flag wording in it is not a report.
        using var probe = HandlerProbe.Submitting(bot, new JObject { ["action"] = "next", ["note"] = Scenes.RedFlag });

        var (result, sent) = await probe.RunAsync<RedFlagCheck>();

        Assert.Same(InterruptionResult.Pass, result);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task A_red_flag_as_an_answer_to_a_screening_question_ends_the_screening_with_the_emergency_answer()
    {
        await using var bot = new BotHarness();
        await Scenes.AtFirstScreeningQuestionAsync(bot);

        var replies = await bot.SayAsync("nah, although I wet myself without noticing yesterday");

        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task A_red_flag_at_the_technique_picker_gets_the_emergency_answer_and_no_walkthrough()
    {
        await using var bot = new BotHarness();
        var picker = await Scenes.AtPickerAsync(bot);

        var replies = await bot.SayAsync(Scenes.RedFlag);

        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
        var start = await bot.ClickAsync(picker, "Start " + bot.Knowledge.FindTechnique(Scenes.TechniqueId)!.Name);
        Assert.DoesNotContain(start, Scenes.IsStepCard);
    }

    [Fact]
    public async Task A_red_flag_mid_walkthrough_closes_the_step_card_as_stopped_after_the_advice()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);

        var replies = await bot.SayAsync(Scenes.RedFlag);

        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.Text(replies[0]), StringComparison.Ordinal);
        WalkthroughTests.AssertClosed(Assert.Single(replies, Replies.IsUpdate), bot.Knowledge.FindTechnique(Scenes.TechniqueId)!, 0, bot.Messages.StepCardStopped);
    }

    [Fact]
    public async Task A_red_flag_at_the_feedback_question_is_not_taken_as_how_it_went()
    {
        await using var bot = new BotHarness();
        await Scenes.AtFeedbackQuestionAsync(bot);

        var replies = await bot.SayAsync("worse, and now I can't feel my saddle area");

        var text = Replies.AllText(replies);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Messages.FeltWorseReply, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_red_flag_switches_off_movement_reminders_and_says_so()
    {
        await using var bot = new BotHarness();
        var set = await bot.SayAsync("remind me to move every hour");
        Assert.Contains("every 60 minutes", Replies.AllText(set), StringComparison.Ordinal);

        var replies = await bot.SayAsync(Scenes.RedFlag);

        Assert.Contains(bot.Messages.RemindersStoppedForEmergency, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Equal(bot.Messages.RemindersNone, Replies.Text(Assert.Single(await bot.SayAsync("stop reminders"))));
    }

    [Fact]
    public async Task The_trace_says_urgent_from_the_safety_layer()
    {
        await using var bot = new BotHarness(channelId: "emulator", sendTraces: true);

        var replies = await bot.SayAsync(Scenes.RedFlag);

        var trace = (ITraceActivity)Assert.Single(replies, r => r.Type == ActivityTypes.Trace);
        Assert.Equal(MainDialog.KeywordRouterTraceName, trace.Name);
        var value = JObject.FromObject(trace.Value);
        Assert.Equal("urgent", (string?)value["decision"]);
        Assert.Equal("safety", (string?)value["layer"]);
    }
}
