using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>
/// The safety patterns of issue 9, scripted in wording nobody on the team wrote (an independent tester's): a red flag
/// inside an answer wherever the conversation is, a denied one read as the plain answer, pain and questions typed
/// mid-walkthrough, durations in unplanned forms, the emergency lock, and bad input. Each case is one conversation.
/// </summary>
public sealed class UnseenWordingSafetyTests
{
    internal const string TechniqueId = "childs-pose";

    internal static readonly DateTimeOffset MidDecember = new(2026, 12, 14, 10, 0, 0, TimeSpan.Zero);
    internal static readonly DateTimeOffset LateFebruary = new(2027, 2, 22, 10, 0, 0, TimeSpan.Zero);

    // ---- a red flag inside an answer, wherever it is typed ----

    [Theory]
    [InlineData("emergency-check", "nah. cant realy feel when i need a wee tho, havent for a day or so")]
    [InlineData("doctor-check", "not really. mind you, I wet the bed last night for the first time since I was a kid")]
    [InlineData("doctor-check", "yes, I've been hot and shivery, and since this morning I can't hold my poo in")]
    [InlineData("duration", "about a week, and since yesterday I can't feel the seat when I sit on the loo")]
    [InlineData("duration", "2 wks, also since yestrday i cant controll my bladder")]
    [InlineData("caution-check", "no, apart from my right foot catching on every step because it won't lift up")]
    [InlineData("pregnancy", "not pregnant, no. The insides of both thighs have gone numb though, right up to my privates")]
    public async Task A_red_flag_inside_an_answer_to_any_screening_question_gets_the_emergency_answer(string questionId, string answer)
    {
        await using var bot = new BotHarness();
        await ToQuestionAsync(bot, questionId);

        var replies = await bot.SayAsync(answer);

        AssertEmergency(bot, replies);
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task A_red_flag_typed_at_the_technique_picker_gets_the_emergency_answer_and_no_technique()
    {
        await using var bot = new BotHarness();
        await ToPickerAsync(bot);

        var replies = await bot.SayAsync("before I pick one: my knees just buckled and I sat down hard on the kitchen floor");

        AssertEmergency(bot, replies);
    }

    [Fact]
    public async Task A_red_flag_typed_on_a_step_card_stops_the_walkthrough_with_the_emergency_answer()
    {
        await using var bot = new BotHarness();
        var first = await WalkthroughTests.StartAsync(bot, TechniqueId);
        await bot.ClickAsync(Replies.Last(first), "Next");

        var replies = await bot.SayAsync("hang on, I've lost the feeling in both my feet and my shins");

        AssertEmergency(bot, replies);
        Assert.DoesNotContain("Step 3 of", Replies.AllText(await bot.SayAsync("next")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_red_flag_typed_at_the_feedback_question_gets_the_emergency_answer()
    {
        await using var bot = new BotHarness();
        await FinishWalkthroughAsync(bot, TechniqueId);

        var replies = await bot.SayAsync("better I think, but when I went to the loo just now I couldn't feel myself wiping");

        AssertEmergency(bot, replies);
        Assert.DoesNotContain(bot.Messages.FeltBetterReply, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_red_flag_typed_at_the_menu_gets_the_emergency_answer()
    {
        await using var bot = new BotHarness();
        var menu = await bot.SayAsync("menu");
        Assert.Contains(bot.Messages.MenuPrompt, Replies.AllText(menu), StringComparison.Ordinal);

        var replies = await bot.SayAsync("my husband told me to ask you. I've been leaking wee without knowing since my back went");

        AssertEmergency(bot, replies);
    }

    [Fact]
    public async Task A_red_flag_typed_in_reply_to_a_movement_reminder_gets_the_emergency_answer()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync("remind me every hour");
        Assert.NotEmpty(await bot.TickRemindersUntilAsync(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

        var replies = await bot.SayAsync("done. weird though, my legs feel like jelly and keep giving way when I stand");

        AssertEmergency(bot, replies);
    }

    [Fact]
    public async Task A_red_flag_given_as_the_answer_to_the_fall_question_gets_the_emergency_answer()
    {
        await using var bot = new BotHarness();
        var asked = await bot.SayAsync("I slipped on wet leaves on monday and my back's been sore since");
        Assert.Contains(bot.Messages.FallQuestion, Replies.AllText(asked), StringComparison.Ordinal);

        var replies = await bot.SayAsync("not a big one, but now I can't feel my bum when I sit on the toilet");

        AssertEmergency(bot, replies);
    }

    [Theory]
    [InlineData("been weeing myself since my back went twang on friday")]
    [InlineData("on my bike this morning the saddle felt like nothing, I can't feel my bits, and my back is sore")]
    public async Task A_red_flag_in_lay_or_misspelt_words_as_the_first_message_gets_the_emergency_answer(string message)
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync(message);

        AssertEmergency(bot, replies);
    }

    // ---- a denied mention inside an answer is read as its plain answer ----

    [Theory]
    [InlineData("emergency-check", "no, nothing like that. no numbness, waterworks all normal", "doctor-check")]
    [InlineData("doctor-check", "no. never had cancer, no fever, my weight's the same as ever", ScreeningDriver.DurationId)]
    [InlineData("duration", "about 5 days, and no, I didn't fall or bang it or anything", "caution-check")]
    public async Task A_denied_sign_inside_an_answer_is_read_as_no_and_the_screening_goes_on(string questionId, string answer, string nextId)
    {
        await using var bot = new BotHarness();
        await ToQuestionAsync(bot, questionId);

        var replies = await bot.SayAsync(answer);

        AssertNoEmergency(bot, replies);
        Assert.DoesNotContain(bot.Messages.FallQuestion, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Equal(nextId, ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task A_denied_sign_at_the_last_check_ends_the_screening_clear_with_the_techniques()
    {
        await using var bot = new BotHarness();
        await ToQuestionAsync(bot, "caution-check");

        var replies = await bot.SayAsync("no, not pregnant, no blood thinners, never had problems before");

        AssertNoEmergency(bot, replies);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Clear, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Contains(replies.SelectMany(Replies.Buttons), b => b.Title.StartsWith("Start ", StringComparison.Ordinal));
    }

    // ---- pain typed in unplanned words ----

    [Theory]
    [InlineData(1, "yikes, sharp twinge low down when I did that")]
    [InlineData(1, "that's agony 😣")]
    public async Task Pain_typed_on_a_step_card_in_unplanned_words_stops_like_this_hurts(int step, string message)
    {
        await using var bot = new BotHarness();
        var replies = await WalkthroughTests.StartAsync(bot, TechniqueId);
        for (var i = 0; i < step; i++)
        {
            replies = await bot.ClickAsync(Replies.Last(replies), "Next");
        }

        var stopped = await bot.SayAsync(message);

        Assert.Contains(bot.Messages.HurtsStop, Replies.AllText(stopped), StringComparison.Ordinal);
        AssertNoEmergency(bot, stopped);
        Assert.DoesNotContain($"Step {step + 2} of", Replies.AllText(await bot.SayAsync("next")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pain_typed_at_the_technique_picker_stops_rather_than_asking_which_technique()
    {
        await using var bot = new BotHarness();
        await ToPickerAsync(bot);

        var replies = await bot.SayAsync("ow, it's really hurting now just sitting here");

        Assert.Contains(bot.Messages.HurtsStop, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Messages.ChooseTechniquePrompt, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pain_typed_at_the_feedback_question_is_taken_as_worse_or_as_this_hurts()
    {
        await using var bot = new BotHarness();
        await FinishWalkthroughAsync(bot, TechniqueId);

        var replies = await bot.SayAsync("it's hurting more than before I started tbh");

        var text = Replies.AllText(replies);
        Assert.True(
            text.Contains(bot.Messages.FeltWorseReply, StringComparison.Ordinal) || text.Contains(bot.Messages.HurtsStop, StringComparison.Ordinal),
            "pain after the walkthrough should get the 'worse' or 'this hurts' advice, got: " + text);
        AssertNoEmergency(bot, replies);
    }

    // ---- a question typed mid-walkthrough ----

    [Theory]
    [InlineData("how many times a day am I meant to do this?")]
    [InlineData("is it normal for it to click a bit while I'm doing this")]
    [InlineData("hmm which muscles is this supposed to be working?")]
    public async Task A_vague_question_typed_mid_walkthrough_never_drops_the_walkthrough(string question)
    {
        await using var bot = new BotHarness();
        var first = await WalkthroughTests.StartAsync(bot, TechniqueId);
        await bot.ClickAsync(Replies.Last(first), "Next");

        var replies = await bot.SayAsync(question);

        AssertNoEmergency(bot, replies);
        Assert.DoesNotContain(replies.SelectMany(Replies.Buttons), b => b.Title.StartsWith("Start ", StringComparison.Ordinal));
        Assert.Contains("Step 3 of", Replies.AllText(await bot.SayAsync("next")), StringComparison.Ordinal);
    }

    // ---- durations in unplanned forms ----

    [Theory]
    [InlineData("couple of yrs on and off")]
    [InlineData("since last autumn")]
    [InlineData("since november")]
    public async Task A_long_or_recurring_duration_in_unplanned_words_is_read_as_long_standing(string answer)
    {
        await using var bot = new BotHarness(time: new FakeTimeProvider(LateFebruary));

        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), DurationOr(answer));

        Assert.Single(asked, id => id == ScreeningDriver.DurationId);
        Assert.Contains(bot.Knowledge.Screening.Duration.LongStandingAdvice, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Contains(replies.SelectMany(Replies.Buttons), b => b.Title.StartsWith("Start ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("about a fortnight")]
    [InlineData("started thursday-ish")]
    public async Task A_recent_duration_in_unplanned_words_is_read_first_time_and_ends_clear(string answer)
    {
        await using var bot = new BotHarness(time: new FakeTimeProvider(MidDecember));

        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), DurationOr(answer));

        Assert.Single(asked, id => id == ScreeningDriver.DurationId);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Clear, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duration_still_unreadable_after_the_retries_is_taken_as_long_standing_and_said_so()
    {
        await using var bot = new BotHarness();
        await ToQuestionAsync(bot, ScreeningDriver.DurationId);

        List<IActivity> replies = [];
        foreach (var answer in new[] { "ever since the thing with the car boot", "depends who you ask really", "since my cousin's wedding" })
        {
            replies = await bot.SayAsync(answer);
            if (Replies.AllText(replies).Contains(bot.Messages.DurationSafeSide, StringComparison.Ordinal))
            {
                break;
            }

            Assert.Equal(ScreeningDriver.DurationId, ScreeningDriver.QuestionAsked(bot, replies));
        }

        Assert.Contains(bot.Messages.DurationSafeSide, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Equal("caution-check", ScreeningDriver.QuestionAsked(bot, replies));
        var end = await bot.SayAsync("no");
        Assert.Contains(bot.Knowledge.Screening.Duration.LongStandingAdvice, Replies.AllText(end), StringComparison.Ordinal);
    }

    // ---- after an emergency answer ----

    [Fact]
    public async Task After_an_emergency_answer_an_old_step_card_button_repeats_the_urgent_advice()
    {
        await using var bot = new BotHarness();
        var first = await WalkthroughTests.StartAsync(bot, TechniqueId);
        var second = await bot.ClickAsync(Replies.Last(first), "Next");
        AssertEmergency(bot, await bot.SayAsync("my bum and the tops of my legs have gone numb"));

        var replies = await bot.ClickAsync(Replies.Last(second), "Back");

        AssertLockedReply(bot, replies);
        Assert.DoesNotContain("Step 1 of", Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_emergency_answer_an_old_picker_button_repeats_the_urgent_advice_and_starts_nothing()
    {
        await using var bot = new BotHarness();
        var picker = await ToPickerAsync(bot);
        AssertEmergency(bot, await bot.SayAsync("just got a call back from the hospital, never mind that, both legs have gone to jelly"));

        var replies = await bot.ClickAsync(Replies.Last(picker), "Start " + bot.Knowledge.FindTechnique(TechniqueId)!.Name);

        AssertLockedReply(bot, replies);
        Assert.DoesNotContain("Step 1 of", Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_emergency_answer_an_old_feedback_button_repeats_the_urgent_advice()
    {
        await using var bot = new BotHarness();
        var finished = await FinishWalkthroughAsync(bot, TechniqueId);
        AssertEmergency(bot, await bot.SayAsync("worse, and now I can't stop dribbling wee"));

        var replies = await bot.ClickAsync(Replies.Last(finished), bot.Messages.FeltBetter);

        AssertLockedReply(bot, replies);
        Assert.DoesNotContain(bot.Messages.FeltBetterReply, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_emergency_answer_an_old_reminder_card_button_repeats_the_urgent_advice()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync("remind me every hour");
        var reminder = Assert.Single(await bot.TickRemindersUntilAsync(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero))).Reply;
        AssertEmergency(bot, await bot.SayAsync("both my legs went numb an hour ago and my back's agony"));

        var replies = await bot.ClickAsync(reminder, bot.Messages.ReminderSnoozeButton);

        AssertLockedReply(bot, replies);
        Assert.DoesNotContain(bot.Messages.ReminderSnoozed, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ok but can you just show me child's pose")]
    [InlineData("is a heat pad ok to use in the meantime?")]
    [InlineData("tips")]
    public async Task After_an_emergency_answer_a_new_request_repeats_the_urgent_advice(string request)
    {
        await using var bot = new BotHarness();
        AssertEmergency(bot, await bot.SayAsync("I can't feel the loo roll when I wipe and my back's agony"));

        var replies = await bot.SayAsync(request);

        AssertLockedReply(bot, replies);
        Assert.DoesNotContain("Step 1 of", Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task I_answered_by_mistake_after_an_emergency_answer_starts_the_safety_check_again()
    {
        await using var bot = new BotHarness();
        var urgent = await bot.SayAsync("my legs went from under me twice this morning");
        AssertEmergency(bot, urgent);

        var replies = await bot.ClickAsync(urgent.Last(r => Replies.Buttons(r).Any(b => b.Title == "I answered by mistake")), "I answered by mistake");

        Assert.Equal("emergency-check", ScreeningDriver.QuestionAsked(bot, replies));
    }

    // ---- bad input ----

    [Fact]
    public async Task A_ten_thousand_character_message_at_a_screening_question_is_refused_and_the_question_stays()
    {
        await using var bot = new BotHarness();
        await ToQuestionAsync(bot, "doctor-check");

        var replies = await bot.SayAsync(LongText(10_000, middle: null));

        var tooLong = bot.Messages.TooLong[..bot.Messages.TooLong.IndexOf('{', StringComparison.Ordinal)];
        Assert.Contains(tooLong, Replies.AllText(replies), StringComparison.Ordinal);
        AssertNoEmergency(bot, replies);
        Assert.Equal(ScreeningDriver.DurationId, ScreeningDriver.QuestionAsked(bot, await bot.SayAsync("no")));
    }

    [Fact]
    public async Task A_red_flag_buried_in_a_ten_thousand_character_message_still_gets_the_emergency_answer()
    {
        await using var bot = new BotHarness();
        await ToQuestionAsync(bot, "emergency-check");

        var replies = await bot.SayAsync(LongText(10_000, middle: " Oh and since Sunday I can't feel anything when I wipe my bottom. "));

        AssertEmergency(bot, replies);
    }

    [Fact]
    public async Task An_empty_card_submit_at_a_screening_question_is_no_crash_and_the_question_still_takes_its_answer()
    {
        await using var bot = new BotHarness();
        await ToQuestionAsync(bot, "emergency-check");

        var replies = await bot.SubmitAsync(new JObject());

        Assert.DoesNotContain("went wrong", Replies.AllText(replies), StringComparison.Ordinal);
        AssertNoEmergency(bot, replies);
        Assert.Equal("doctor-check", ScreeningDriver.QuestionAsked(bot, await bot.SayAsync("no")));
    }

    [Fact]
    public async Task An_unknown_card_submit_at_the_duration_question_is_no_crash_and_the_question_still_takes_its_answer()
    {
        await using var bot = new BotHarness();
        await ToQuestionAsync(bot, ScreeningDriver.DurationId);

        var replies = await bot.SubmitAsync(new JObject { ["action"] = "launchRocket", ["payload"] = new JObject { ["x"] = 1 } });

        Assert.DoesNotContain("went wrong", Replies.AllText(replies), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Messages.DurationSafeSide, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Equal("caution-check", ScreeningDriver.QuestionAsked(bot, await bot.SayAsync("4 days")));
    }

    // ---- helpers ----

    internal static Func<string, string> DurationOr(string answer) =>
        id => id == ScreeningDriver.DurationId ? answer : ScreeningDriver.AllClear(id);

    /// <summary>Starts the screening and answers until <paramref name="questionId"/> is asked ("yes" to the check leading to a follow-up).</summary>
    internal static async Task<List<IActivity>> ToQuestionAsync(BotHarness bot, string questionId)
    {
        var isFollowUp = bot.Knowledge.Screening.Checks.Any(c => c.FollowUps.Contains(questionId));
        var answerFor = isFollowUp ? ScreeningDriver.YesTo(bot, questionId) : ScreeningDriver.AllClear;
        var replies = await bot.SayAsync("my back is stiff");
        for (var turns = 0; ScreeningDriver.QuestionAsked(bot, replies) is { } id && id != questionId; turns++)
        {
            Assert.True(turns < 20, $"never reached {questionId}");
            replies = await bot.SayAsync(answerFor(id));
        }

        Assert.Equal(questionId, ScreeningDriver.QuestionAsked(bot, replies));
        return replies;
    }

    internal static async Task<List<IActivity>> ToPickerAsync(BotHarness bot)
    {
        var (_, picker) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        Assert.Contains(picker.SelectMany(Replies.Buttons), b => b.Title.StartsWith("Start ", StringComparison.Ordinal));
        return picker;
    }

    /// <summary>Walks every step to Finish; returns the turn that asks how the back feels.</summary>
    internal static async Task<List<IActivity>> FinishWalkthroughAsync(BotHarness bot, string techniqueId)
    {
        var technique = bot.Knowledge.FindTechnique(techniqueId)!;
        var replies = await WalkthroughTests.StartAsync(bot, techniqueId);
        for (var i = 0; i < technique.Steps.Count; i++)
        {
            replies = await bot.ClickAsync(Replies.Last(replies), i == technique.Steps.Count - 1 ? "Finish" : "Next");
        }

        Assert.Contains(bot.Messages.FinishedPrompt, Replies.AllText(replies), StringComparison.Ordinal);
        return replies;
    }

    internal static void AssertEmergency(BotHarness bot, IReadOnlyList<IActivity> replies)
    {
        var text = Replies.AllText(replies);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, text, StringComparison.Ordinal);
        Assert.DoesNotContain(replies.SelectMany(Replies.Buttons), b => b.Title.StartsWith("Start ", StringComparison.Ordinal));
    }

    internal static void AssertNoEmergency(BotHarness bot, IReadOnlyList<IActivity> replies) =>
        Assert.DoesNotContain(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);

    /// <summary>The emergency lock's answer: the urgent advice in short, "I answered by mistake", never "start again".</summary>
    internal static void AssertLockedReply(BotHarness bot, IReadOnlyList<IActivity> replies)
    {
        var text = Replies.AllText(replies);
        Assert.Contains(bot.Messages.UrgentReminder, text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Messages.StaleCard, text, StringComparison.Ordinal);
        Assert.DoesNotContain("start again", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("I answered by mistake", replies.SelectMany(Replies.Buttons).Select(b => b.Title));
        Assert.DoesNotContain(replies.SelectMany(Replies.Buttons), b => b.Title.StartsWith("Start ", StringComparison.Ordinal));
    }

    /// <summary>A rambling message of <paramref name="length"/> characters about nothing medical, with <paramref name="middle"/> in the middle.</summary>
    internal static string LongText(int length, string? middle)
    {
        const string Filler = "So anyway, the meeting ran over again and then the train was late and I missed the start of the film. ";
        var text = new StringBuilder();
        while (text.Length < length / 2)
        {
            text.Append(Filler);
        }

        text.Append(middle);
        while (text.Length < length)
        {
            text.Append(Filler);
        }

        return text.ToString(0, length);
    }
}
