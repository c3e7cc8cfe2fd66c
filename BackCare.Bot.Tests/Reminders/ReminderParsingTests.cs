using BackCare.Bot.Reminders;

namespace BackCare.Bot.Tests.Reminders;

/// <summary>What "remind me …" messages are understood as.</summary>
public sealed class ReminderParsingTests
{
    private static readonly DateTime Reference = new(2026, 11, 26, 8, 0, 0);

    private static ReminderRequest Subscribe(string text)
    {
        var command = ReminderCommands.Parse(text, Reference);
        Assert.Equal(ReminderCommandKind.Subscribe, command.Kind);
        return command.Request!;
    }

    [Fact]
    public void Every_45_minutes_between_9_and_5_is_a_working_day()
    {
        var request = Subscribe("remind me to move every 45 minutes between 9 and 5");
        Assert.Equal(45, request.IntervalMinutes);
        Assert.Equal(new TimeOnly(9, 0), request.Start);
        Assert.Equal(new TimeOnly(17, 0), request.End);
        Assert.Equal(ReminderRequest.Weekdays, request.Days);
    }

    [Fact]
    public void Every_hour_keeps_the_default_hours()
    {
        var request = Subscribe("remind me every hour");
        Assert.Equal(60, request.IntervalMinutes);
        Assert.Equal(new TimeOnly(9, 0), request.Start);
        Assert.Equal(new TimeOnly(17, 0), request.End);
    }

    [Fact]
    public void Every_2_hours_on_weekdays()
    {
        var request = Subscribe("remind me every 2 hours on weekdays");
        Assert.Equal(120, request.IntervalMinutes);
        Assert.Equal(ReminderRequest.Weekdays, request.Days);
    }

    [Fact]
    public void Every_day_changes_the_days_not_the_interval()
    {
        var request = Subscribe("remind me to move every day between 8am and 6pm");
        Assert.Equal(ReminderRequest.DefaultIntervalMinutes, request.IntervalMinutes);
        Assert.Equal(7, request.Days.Count);
        Assert.Equal(new TimeOnly(8, 0), request.Start);
        Assert.Equal(new TimeOnly(18, 0), request.End);
    }

    [Theory]
    [InlineData("reminders")]
    [InlineData("Remind me to move")]
    public void Plain_opt_in_takes_the_defaults(string text)
    {
        var request = Subscribe(text);
        Assert.Equal(45, request.IntervalMinutes);
        Assert.Equal(new TimeOnly(9, 0), request.Start);
        Assert.Equal(new TimeOnly(17, 0), request.End);
        Assert.Equal(ReminderRequest.Weekdays, request.Days);
    }

    [Theory]
    [InlineData("remind me every banana", ReminderCommandKind.NotUnderstood)]
    [InlineData("remind me every 5 minutes", ReminderCommandKind.IntervalOutOfRange)]
    [InlineData("remind me every 6 hours", ReminderCommandKind.IntervalOutOfRange)]
    [InlineData("remind me between lunch and later", ReminderCommandKind.HoursNotUnderstood)]
    [InlineData("stop reminders", ReminderCommandKind.Stop)]
    [InlineData("how do I move my back", ReminderCommandKind.None)]
    public void Other_messages(string text, ReminderCommandKind kind) =>
        Assert.Equal(kind, ReminderCommands.Parse(text, Reference).Kind);
}
