using BackCare.Bot.Dialogs;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>
/// What the user is shown for the red flags of issue 10, wherever the conversation is: the emergency answer for
/// chest pain, a possible aneurysm or a change in sex; the maternity unit now (and no technique) for a warning sign in
/// pregnancy; and the time frame that fits (today, soon) before the "when to see a doctor" answer.
/// </summary>
public sealed class RedFlagLevelConversationTests
{
    private const string TechniqueId = "knee-to-chest";

    [Theory]
    [InlineData("no, but I've got a tight chest and my back hurts")]
    [InlineData("no. Sudden terrible pain in my back and stomach and I feel like I'm going to pass out")]
    [InlineData("no, though I can't get an erection since my back went")]
    public async Task A_new_emergency_sign_inside_a_screening_answer_gets_the_emergency_answer(string answer)
    {
        await using var bot = new BotHarness();

        var replies = await AnswerTheFirstScreeningQuestionAsync(bot, answer);

        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task Chest_pain_mid_walkthrough_stops_it_with_the_emergency_answer()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, TechniqueId);

        var replies = await bot.SayAsync("pain in my chest and between my shoulder blades");

        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Contains(bot.Messages.UrgentReminder, Replies.AllText(await bot.SayAsync("next")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pregnancy_warning_sign_as_the_first_message_says_call_the_maternity_unit_and_offers_no_technique()
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync("I'm 30 weeks and my back pain comes in waves");

        var reply = Assert.Single(replies);
        Assert.Equal(bot.Messages.SafetyAdvice["maternity"], Replies.Text(reply));
        Assert.Contains("maternity unit", Replies.Text(reply), StringComparison.Ordinal);
        Assert.Empty(Replies.Buttons(reply));
        Assert.DoesNotContain(bot.Knowledge.Screening.Outcomes.Emergency, Replies.Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pregnancy_warning_sign_mid_screening_ends_the_screening_with_the_maternity_advice()
    {
        await using var bot = new BotHarness();

        var replies = await AnswerTheFirstScreeningQuestionAsync(bot, "no, but I'm leaking fluid since this morning and I'm 36 weeks");

        Assert.Contains(bot.Messages.SafetyAdvice["maternity"], Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task A_pregnancy_warning_sign_mid_walkthrough_stops_it_without_locking_the_conversation()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, TechniqueId);

        var replies = await bot.SayAsync("pregnant, back ache and some bleeding");

        Assert.Contains(bot.Messages.SafetyAdvice["maternity"], Replies.AllText(replies), StringComparison.Ordinal);
        Assert.DoesNotContain("Step 2 of", Replies.AllText(await bot.SayAsync("next")), StringComparison.Ordinal);

        // Not an emergency lock: a question still gets its answer rather than the emergency reminder.
        var later = await bot.SayAsync("is foam rolling better than stretching?");
        Assert.DoesNotContain(bot.Messages.UrgentReminder, Replies.AllText(later), StringComparison.Ordinal);
        Assert.Contains(bot.Knowledge.FindAnswer("faq:foam-vs-stretch")!.Text, Replies.AllText(later), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trace_of_a_pregnancy_warning_sign_says_urgent_from_the_safety_layer()
    {
        await using var bot = new BotHarness(channelId: "emulator", sendTraces: true);

        var replies = await bot.SayAsync("pregnant and it burns when I pee, back aches too");

        var trace = (ITraceActivity)Assert.Single(replies, r => r.Type == ActivityTypes.Trace);
        Assert.Equal(MainDialog.KeywordRouterTraceName, trace.Name);
        var value = JObject.FromObject(trace.Value);
        Assert.Equal("urgent", (string?)value["decision"]);
        Assert.Equal("safety", (string?)value["layer"]);
    }

    [Theory]
    [InlineData("I've got a fever and my back is really sore", "fever")]
    [InlineData("I had breast cancer and now I've got new back pain", "cancer")]
    [InlineData("lost a stone without trying and my back aches", "weightLoss")]
    [InlineData("back pain wakes me every night and nothing eases it", "nightPain")]
    [InlineData("I'm 58 and I've never had back pain before, now it aches", "firstAfterFifty")]
    [InlineData("I'm on immunosuppressants and my lower back has started aching", "immunity")]
    [InlineData("I'm 14 and my back hurts when I sit at school", "underSixteen")]
    public async Task A_sign_to_see_someone_about_shows_its_time_frame_first_then_the_when_to_see_a_doctor_answer(string message, string advice)
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync(message);

        Assert.Equal(bot.Messages.SafetyAdvice[advice], Replies.Text(replies[0]));
        Assert.Contains(bot.Knowledge.FindAnswer("faq:when-see-doctor")!.Text, Replies.AllText(replies.Skip(1)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_morning_stiffness_shows_the_see_a_gp_advice_first_then_the_inflammatory_stiffness_answer()
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync("my back is stiff for over an hour every morning, it started when I was 25");

        Assert.Equal(bot.Messages.SafetyAdvice["morningStiffness"], Replies.Text(replies[0]));
        Assert.Contains(bot.Knowledge.FindAnswer("topic:inflammatory-stiffness")!.Text, Replies.AllText(replies.Skip(1)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_same_day_sign_mid_walkthrough_says_today_and_ends_the_technique()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, TechniqueId);

        var replies = await bot.SayAsync("I've had a temperature since yesterday and my back is aching more");

        Assert.Contains(bot.Messages.SafetyAdvice["fever"], Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Contains("today", bot.Messages.SafetyAdvice["fever"], StringComparison.Ordinal);
        Assert.DoesNotContain("Step 2 of", Replies.AllText(await bot.SayAsync("next")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_same_day_sign_inside_a_screening_answer_wins_over_the_no()
    {
        await using var bot = new BotHarness();

        var replies = await AnswerTheFirstScreeningQuestionAsync(bot, "no, but I've had a fever since Tuesday and my back aches");

        Assert.Equal(bot.Messages.SafetyAdvice["fever"], Replies.Text(replies[0]));
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task A_small_fall_at_67_answered_no_to_the_fall_question_says_today()
    {
        await using var bot = new BotHarness();
        var asked = await bot.SayAsync("I'm 67 and slipped on the kitchen floor, my back is a bit sore");
        Assert.Contains(bot.Messages.FallQuestion, Replies.AllText(asked), StringComparison.Ordinal);

        var replies = await bot.SayAsync("no");

        Assert.Contains(bot.Messages.SafetyAdvice["fallFragile"], Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Contains(bot.Knowledge.FindAnswer("faq:when-see-doctor")!.Text, Replies.AllText(replies), StringComparison.Ordinal);
    }

    /// <summary>Starts the screening and types <paramref name="answer"/> at its first question.</summary>
    private static async Task<List<IActivity>> AnswerTheFirstScreeningQuestionAsync(BotHarness bot, string answer)
    {
        Assert.NotNull(ScreeningDriver.QuestionAsked(bot, await bot.SayAsync("my back is stiff")));
        return await bot.SayAsync(answer);
    }
}
