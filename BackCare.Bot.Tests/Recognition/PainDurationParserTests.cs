using BackCare.Bot.Recognition;

namespace BackCare.Bot.Tests.Recognition;

public sealed class PainDurationParserTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 10, 0, 0);

    [Theory]
    [InlineData("about three weeks", 21)]
    [InlineData("for about 3 weeks", 21)]
    [InlineData("2 months", 60)]
    [InlineData("a few days", 3)]
    [InlineData("a couple of weeks", 14)]
    [InlineData("since yesterday", 1)]
    [InlineData("10 days", 10)]
    [InlineData("it started 5 days ago", 5)]
    [InlineData("since last Monday", 10)]
    [InlineData("since March", 270)]
    [InlineData("since september", 86)]
    [InlineData("one year", 365)]
    public void Reads_how_long_the_pain_has_lasted(string answer, double expectedDays)
    {
        var days = PainDurationParser.ParseDays(answer, Now);

        Assert.NotNull(days);
        Assert.InRange(days.Value, expectedDays * 0.85 - 1, expectedDays * 1.15 + 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("I'm not sure")]
    [InlineData("it hurts a lot")]
    public void Returns_null_when_the_answer_gives_no_length(string answer)
    {
        Assert.Null(PainDurationParser.ParseDays(answer, Now));
    }
}
