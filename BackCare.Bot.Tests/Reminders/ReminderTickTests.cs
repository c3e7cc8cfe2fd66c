using System.Diagnostics;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BackCare.Bot.Tests.Reminders;

/// <summary>The scheduler's timer loop wakes every <c>BackCare:ReminderTickSeconds</c> on the injected clock.</summary>
public sealed class ReminderTickTests
{
    private const string TickSetting = "BackCare:ReminderTickSeconds";

    [Fact]
    public async Task The_default_tick_is_a_minute()
    {
        await using var harness = new BotHarness();
        Assert.Equal(TimeSpan.FromMinutes(1), harness.Reminders.Tick);
    }

    [Fact]
    public async Task The_timer_loop_sends_at_the_first_configured_tick_after_the_due_time()
    {
        var clock = new WatchedClock(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await using var harness = new BotHarness(time: clock, settings: new Dictionary<string, string?> { [TickSetting] = "10" });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // Due at 10:00, when the loop starts; one 10-second step of the fake clock then wakes a 10-second tick,
        // where a one-minute tick would not wake at all.
        await harness.SayAsync("remind me every hour");
        clock.Advance(TimeSpan.FromHours(1));
        await harness.Reminders.StartAsync(stop.Token);
        try
        {
            // The loop creates its timer on a thread of its own: step the clock only once the timer is on it.
            await clock.TimerCreated.WaitAsync(stop.Token);
            clock.Advance(TimeSpan.FromSeconds(10));

            var reminder = await NextReplyAsync(harness, stop.Token);

            Assert.Equal([harness.Messages.ReminderDoneButton, harness.Messages.ReminderSnoozeButton, harness.Messages.ReminderStopButton], Replies.Buttons(reminder).Select(b => b.Title));
        }
        finally
        {
            await harness.Reminders.StopAsync(CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3601")]
    [InlineData("-5")]
    public async Task A_tick_outside_1_to_3600_seconds_fails_the_start_up_check_with_the_setting_named(string seconds)
    {
        // The check the host runs before it starts (ValidateOnStart); asked directly, because a start failure inside
        // WebApplicationFactory can surface as the factory's own ObjectDisposedException instead.
        await using var harness = new BotHarness(settings: new Dictionary<string, string?> { [TickSetting] = seconds });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Service<IStartupValidator>().Validate());

        Assert.Contains(TickSetting, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("5", 5)]
    [InlineData("3600", 3600)]
    public async Task A_tick_in_range_passes_the_check_and_is_what_the_scheduler_uses(string setting, int seconds)
    {
        await using var harness = new BotHarness(settings: new Dictionary<string, string?> { [TickSetting] = setting });

        harness.Service<IStartupValidator>().Validate();

        Assert.Equal(TimeSpan.FromSeconds(seconds), harness.Reminders.Tick);
    }

    /// <summary>A fake clock that tells when a timer is first created on it.</summary>
    private sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TimerCreated => _timerCreated.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _timerCreated.TrySetResult();
            return timer;
        }
    }

    /// <summary>The first reply the background loop sends (it runs on its own after the fake clock moves), waited for boundedly.</summary>
    private static async Task<IActivity> NextReplyAsync(BotHarness harness, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (harness.TakeReplies() is [var first, ..])
            {
                return first;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "The timer loop sent no reminder.");
            await Task.Delay(20, cancellationToken);
        }
    }
}
