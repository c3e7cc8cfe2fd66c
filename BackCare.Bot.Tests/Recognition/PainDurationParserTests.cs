using BackCare.Bot.Content;
using BackCare.Bot.Recognition;

namespace BackCare.Bot.Tests.Recognition;

/// <summary>The parser with the real vocabulary from screening.json, against a fixed clock: Thursday 10 December 2026.</summary>
public sealed class PainDurationParserTests
{
    private static readonly DateTime Now = new(2026, 12, 10, 10, 0, 0);

    private static readonly PainDurationParser Parser = new(ContentLoader.Load(KnowledgeBase.DefaultDirectory).Screening.Duration.Vocabulary);

    [Theory]
    [InlineData("about three weeks", 21)]
    [InlineData("for about 3 weeks", 21)]
    [InlineData("2 months", 60)]
    [InlineData("a few days", 3)]
    [InlineData("a couple of weeks", 14)]
    [InlineData("several weeks", 21)]
    [InlineData("since yesterday", 1)]
    [InlineData("10 days", 10)]
    [InlineData("it started 5 days ago", 5)]
    [InlineData("one year", 365)]
    [InlineData("roughly a fortnight", 14)]
    [InlineData("2 wks", 14)]
    [InlineData("3 yrs on and off", 1095)]
    public void Reads_a_length(string answer, double expectedDays) => AssertDays(answer, expectedDays);

    [Theory]
    [InlineData("since March", 284)]
    [InlineData("since the start of march", 284)]
    [InlineData("since mid-March", 275)]
    [InlineData("since around the end of march", 269)]
    [InlineData("since 3rd March", 282)]
    [InlineData("since sept", 100)]
    [InlineData("since last month", 39)]
    public void Reads_a_month_in_its_different_wordings(string answer, double expectedDays) => AssertDays(answer, expectedDays);

    [Theory]
    [InlineData("since the autumn", 100)]
    [InlineData("since autumn time", 100)]
    [InlineData("ever since the fall", 100)]
    [InlineData("since the summer", 192)]
    [InlineData("it began over summertime", 192)]
    [InlineData("since last winter", 374)]
    [InlineData("since the spring", 284)]
    public void Reads_a_season_as_its_latest_start_before_now(string answer, double expectedDays) => AssertDays(answer, expectedDays);

    [Fact]
    public void A_season_still_ahead_this_year_means_last_years()
    {
        // In March this year's summer has not come yet, so "since the summer" is last June.
        var march = new DateTime(2027, 3, 10, 10, 0, 0);

        var days = Parser.Read("since the summer", march)?.Days;

        Assert.NotNull(days);
        Assert.Equal((march - new DateTime(2026, 6, 1)).TotalDays, days.Value, precision: 3);
    }

    [Fact]
    public void A_season_that_has_just_begun_is_short()
    {
        var earlyAutumn = new DateTime(2026, 9, 10, 10, 0, 0);

        var duration = Parser.Read("since the autumn", earlyAutumn);

        Assert.NotNull(duration);
        Assert.InRange(duration.Days!.Value, 8, 10);
        Assert.False(duration.IsLongerThan(21));
    }

    [Theory]
    [InlineData("since Monday", 3)]
    [InlineData("since the weekend", 5)]
    [InlineData("since last weekend", 5)]
    [InlineData("since friday", 6)]
    [InlineData("since Christmas", 350)]
    [InlineData("since xmas", 350)]
    [InlineData("since the new year", 343)]
    [InlineData("since this morning", 0)]
    public void Reads_a_day_or_holiday_as_the_latest_one_before_now(string answer, double expectedDays) => AssertDays(answer, expectedDays);

    [Theory]
    [InlineData("for years")]
    [InlineData("years now")]
    [InlineData("oh, ages")]
    [InlineData("a long time")]
    [InlineData("for months")]
    [InlineData("months now, maybe longer")]
    [InlineData("as long as I can remember")]
    public void Reads_a_length_without_a_number_as_longer_than_three_weeks(string answer)
    {
        var duration = Parser.Read(answer, Now);

        Assert.NotNull(duration?.Days);
        Assert.True(duration.IsLongerThan(21), $"{answer}: {duration.Days} days");
    }

    [Theory]
    [InlineData("it comes and goes")]
    [InlineData("on and off")]
    [InlineData("It keeps coming back")]
    [InlineData("off and on really")]
    public void Pain_that_comes_and_goes_with_no_length_is_long_standing(string answer)
    {
        var duration = Parser.Read(answer, Now);

        Assert.Same(PainDuration.Recurrent, duration);
        Assert.True(duration!.IsLongerThan(21));
    }

    [Theory]
    [InlineData("on and off, some days better than others")]
    [InlineData("it flares up, most weeks are ok though")]
    [InlineData("comes and goes - the odd week it's really bad")]
    public void In_pain_that_comes_and_goes_how_often_is_not_read_as_how_long(string answer)
    {
        Assert.Same(PainDuration.Recurrent, Parser.Read(answer, Now));
    }

    [Fact]
    public void Outside_pain_that_comes_and_goes_some_weeks_is_a_length()
    {
        Assert.Equal(21, Parser.Read("for some weeks now", Now)?.Days);
    }

    [Theory]
    [InlineData("since before christmas", 2027, 2, 20, 57)]
    [InlineData("started before new year", 2027, 1, 30, 29)]
    [InlineData("from before easter", 2027, 6, 1, 65)]
    public void Since_before_a_day_is_a_little_longer_than_since_that_day(string answer, int year, int month, int day, int moreThanDays)
    {
        var duration = Parser.Read(answer, new DateTime(year, month, day, 10, 0, 0));

        Assert.True(duration?.IsLongerThan(moreThanDays), $"{answer}: {duration?.Days} days");
    }

    [Fact]
    public void Pain_that_comes_and_goes_for_a_stated_length_takes_that_length()
    {
        Assert.Equal(14, Parser.Read("it's been on and off for 2 weeks", Now)?.Days);
    }

    [Theory]
    [InlineData("more than 3 weeks")]
    [InlineData("3 weeks or more")]
    [InlineData("at least three weeks")]
    public void A_length_given_as_a_minimum_is_past_that_length(string answer)
    {
        Assert.True(Parser.Read(answer, Now)?.IsLongerThan(21));
    }

    [Fact]
    public void The_longest_length_mentioned_counts()
    {
        Assert.True(Parser.Read("since Monday this time, but for years before that", Now)?.IsLongerThan(21));
    }

    [Theory]
    [InlineData("")]
    [InlineData("I'm not sure")]
    [InlineData("it hurts a lot")]
    [InlineData("since I started this job")]
    [InlineData("purple")]
    public void Returns_null_when_the_answer_gives_no_length(string answer)
    {
        Assert.Null(Parser.Read(answer, Now));
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("I dont know")]
    [InlineData("I don\u2019t know")]
    [InlineData("can't remember, sorry")]
    public void Recognises_an_honest_not_sure(string answer)
    {
        Assert.True(Parser.IsUnsure(answer));
    }

    [Fact]
    public void Every_example_the_retry_prompt_gives_is_understood()
    {
        var retryText = ContentLoader.Load(KnowledgeBase.DefaultDirectory).Screening.Duration.RetryText;

        var examples = System.Text.RegularExpressions.Regex.Matches(retryText, "\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.True(examples.Count >= 4, "the retry prompt should show several example answers: " + retryText);
        Assert.All(examples, example => Assert.NotNull(Parser.Read(example, Now)));
    }

    private static void AssertDays(string answer, double expectedDays)
    {
        var days = Parser.Read(answer, Now)?.Days;

        Assert.NotNull(days);
        Assert.InRange(days.Value, expectedDays * 0.9 - 1, expectedDays * 1.1 + 1);
    }
}
