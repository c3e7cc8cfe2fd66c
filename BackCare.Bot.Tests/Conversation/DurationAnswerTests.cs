using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>The "how long has it hurt?" question in a whole conversation, on the harness's fake clock.</summary>
public sealed class DurationAnswerTests
{
    private static readonly DateTimeOffset TenthOfDecember = new(2026, 12, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TenthOfSeptember = new(2026, 9, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_answer_still_unreadable_after_the_retries_is_taken_as_long_standing_and_said_so()
    {
        await using var bot = new BotHarness();
        await AnswerUpToTheDurationAsync(bot);

        for (var retry = 1; retry < Prompt<string>.DefaultMaxAttempts; retry++)
        {
            var again = await bot.SayAsync("since I started this job");
            Assert.Contains(bot.Knowledge.Screening.Duration.RetryText, Replies.AllText(again), StringComparison.Ordinal);
        }

        var replies = await bot.SayAsync("since I started this job");

        var texts = replies.Select(Replies.Text).ToList();
        var safeSide = texts.FindIndex(t => t.Contains(bot.Messages.DurationSafeSide, StringComparison.Ordinal));
        Assert.True(safeSide >= 0, "the safe-side line was not said: " + string.Join(" | ", texts));
        Assert.Single(texts, t => t.Contains(bot.Messages.DurationSafeSide, StringComparison.Ordinal));

        // The safe side is the long-standing answer: the screening goes on to the cautions, and the review is advised.
        Assert.Equal("caution-check", ScreeningDriver.QuestionAsked(bot, replies));
        var end = await bot.SayAsync("no");
        AssertReviewAdvisedAndTechniquesOffered(bot, end);
    }

    [Fact]
    public async Task Since_the_autumn_said_in_December_is_long_standing()
    {
        await using var bot = new BotHarness(time: new FakeTimeProvider(TenthOfDecember));

        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), DurationOr("since the autumn"));

        Assert.Contains(ScreeningDriver.DurationId, asked);
        Assert.DoesNotContain(bot.Messages.DurationSafeSide, Replies.AllText(replies), StringComparison.Ordinal);
        AssertReviewAdvisedAndTechniquesOffered(bot, replies);
    }

    [Fact]
    public async Task Since_the_autumn_said_early_in_September_is_recent_by_the_bots_clock()
    {
        // The activity's own timestamp is today's wall clock; only the bot's clock makes this early autumn.
        await using var bot = new BotHarness(time: new FakeTimeProvider(TenthOfSeptember));

        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), DurationOr("since the autumn"));

        Assert.Contains(ScreeningDriver.DurationId, asked);
        Assert.NotEqual(ScreeningDriver.DurationId, asked[^1]);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Clear, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("it comes and goes")]
    [InlineData("for years")]
    [InlineData("since Christmas")]
    public async Task Long_standing_or_recurring_pain_gets_review_advice_and_the_gentle_techniques(string answer)
    {
        await using var bot = new BotHarness(time: new FakeTimeProvider(TenthOfDecember));

        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), DurationOr(answer));

        Assert.Single(asked, id => id == ScreeningDriver.DurationId);
        AssertReviewAdvisedAndTechniquesOffered(bot, replies);
    }

    [Theory]
    [InlineData("since Monday")]
    [InlineData("since the weekend")]
    [InlineData("a couple of days")]
    public async Task A_recent_start_is_read_first_time_and_the_screening_goes_on(string answer)
    {
        await using var bot = new BotHarness(time: new FakeTimeProvider(TenthOfDecember));

        var (asked, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), DurationOr(answer));

        Assert.Single(asked, id => id == ScreeningDriver.DurationId);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Clear, Replies.AllText(replies), StringComparison.Ordinal);
    }

    private static Func<string, string> DurationOr(string answer) =>
        id => id == ScreeningDriver.DurationId ? answer : ScreeningDriver.AllClear(id);

    private static async Task AnswerUpToTheDurationAsync(BotHarness bot)
    {
        var replies = await bot.SayAsync("my back is stiff");
        while (ScreeningDriver.QuestionAsked(bot, replies) is { } id && id != ScreeningDriver.DurationId)
        {
            replies = await bot.SayAsync(ScreeningDriver.AllClear(id));
        }

        Assert.Equal(ScreeningDriver.DurationId, ScreeningDriver.QuestionAsked(bot, replies));
    }

    /// <summary>Long-standing pain is not a hard stop (NICE NG59 recommends exercise): a review is advised and the techniques stay.</summary>
    private static void AssertReviewAdvisedAndTechniquesOffered(BotHarness bot, List<IActivity> replies)
    {
        Assert.Contains(bot.Knowledge.Screening.Duration.LongStandingAdvice, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Contains(replies.SelectMany(Replies.Buttons), b => b.Title.StartsWith("Start", StringComparison.Ordinal));
    }
}
