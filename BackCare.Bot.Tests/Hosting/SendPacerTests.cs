using BackCare.Bot.Hosting;

namespace BackCare.Bot.Tests.Hosting;

/// <summary>
/// The pacer's rules on windows that slide only when the test slides them (<see cref="ManualWindows"/>), so
/// nothing depends on the clock; then the SDK's own sliding windows as Teams' limits configure them.
/// </summary>
public sealed class SendPacerTests
{
    private static readonly SendLimit PerSecond = new(7, TimeSpan.FromSeconds(1));
    private static readonly SendLimit PerHalfMinute = new(60, TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Seven_sends_in_a_window_go_at_once_and_the_eighth_waits_until_the_window_slides()
    {
        var windows = new ManualWindows();
        using var pacer = new SendPacer([PerSecond], windows.Create);

        for (var send = 1; send <= 7; send++)
        {
            Assert.True(await AcquiredAtOnceAsync(pacer, "a"), $"send {send} waited");
        }

        var eighth = Acquire(pacer, "a");
        await windows["a", PerSecond].Waiting;
        Assert.False(eighth.IsCompleted);
        Assert.Equal(7, windows["a", PerSecond].Used);

        windows["a", PerSecond].Slide(1);

        await eighth;
        Assert.Equal(7, windows["a", PerSecond].Used);
    }

    [Fact]
    public async Task Sixty_sends_fill_the_half_minute_window_though_the_one_second_window_slides_in_between()
    {
        var windows = new ManualWindows();
        using var pacer = new SendPacer([PerSecond, PerHalfMinute], windows.Create);
        var waitedForTheSecond = 0;

        for (var send = 1; send <= 60; send++)
        {
            var acquiring = Acquire(pacer, "a");
            if (!acquiring.IsCompleted)
            {
                // Only the one-second window is ever full here: let a second pass.
                Assert.Equal(7, windows["a", PerSecond].Used);
                waitedForTheSecond++;
                windows["a", PerSecond].Slide(7);
            }

            await acquiring;
        }

        Assert.Equal(60 / 7, waitedForTheSecond);
        Assert.Equal(60, windows["a", PerHalfMinute].Used);

        // The 61st finds room in the second but not in the half minute, and waits for the half minute to slide.
        windows["a", PerSecond].Slide(7);
        var sixtyFirst = Acquire(pacer, "a");
        await windows["a", PerHalfMinute].Waiting;
        Assert.False(sixtyFirst.IsCompleted);

        windows["a", PerHalfMinute].Slide(1);

        await sixtyFirst;
        Assert.Equal(60, windows["a", PerHalfMinute].Used);
    }

    [Fact]
    public async Task A_conversation_waiting_for_its_window_does_not_hold_up_another()
    {
        var windows = new ManualWindows();
        using var pacer = new SendPacer([PerSecond], windows.Create);
        using var cancellation = new CancellationTokenSource();
        var waiting = await WaitingEighthAsync(pacer, windows, "a", cancellation.Token);

        for (var send = 1; send <= 7; send++)
        {
            Assert.True(await AcquiredAtOnceAsync(pacer, "b"), $"conversation b's send {send} waited");
        }

        Assert.False(waiting.IsCompleted);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task A_cancelled_wait_ends_and_takes_no_permit()
    {
        var windows = new ManualWindows();
        using var pacer = new SendPacer([PerSecond], windows.Create);
        using var cancellation = new CancellationTokenSource();
        var waiting = await WaitingEighthAsync(pacer, windows, "a", cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        windows["a", PerSecond].Slide(1);
        Assert.True(await AcquiredAtOnceAsync(pacer, "a"));
        Assert.Equal(7, windows["a", PerSecond].Used);
    }

    [Fact]
    public async Task An_already_cancelled_send_takes_no_permit()
    {
        var windows = new ManualWindows();
        using var pacer = new SendPacer([PerSecond], windows.Create);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Acquire(pacer, "a", new CancellationToken(canceled: true)));

        Assert.Equal(0, windows["a", PerSecond].Used);
    }

    [Fact]
    public void The_limits_are_Teams_documented_per_bot_per_thread_limits()
    {
        Assert.Equal(
            [new(7, TimeSpan.FromSeconds(1)), new(8, TimeSpan.FromSeconds(2)), new(60, TimeSpan.FromSeconds(30)), new(1800, TimeSpan.FromHours(1))],
            SendPacer.TeamsLimits);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Each_window_gives_a_permit_back_only_a_segment_after_the_limits_window(int index)
    {
        var limit = SendPacer.TeamsLimits[index];
        var options = SendPacer.WindowOptions(limit);
        var segment = options.Window / options.SegmentsPerWindow;

        // A permit comes back when its segment slides out: at the earliest (segments - 1) segments after its send.
        Assert.True((options.SegmentsPerWindow - 1) * segment >= limit.Window + segment, $"{limit}: {options.SegmentsPerWindow} segments of {segment}");
        Assert.Equal(limit.PermitLimit, options.PermitLimit);
        Assert.False(options.AutoReplenishment);
        Assert.InRange(options.SegmentsPerWindow, 3, 32);
        if (limit.Window <= TimeSpan.FromSeconds(2))
        {
            // The partitioned limiter slides a window one segment per 100 ms tick: longer segments would slow the pace.
            Assert.True(segment < TimeSpan.FromMilliseconds(100), $"{limit}: segment {segment}");
        }
    }

    [Fact]
    public async Task With_the_SDKs_sliding_windows_a_burst_of_eight_sends_seven_and_holds_the_eighth()
    {
        // Real windows: seven permits are taken in far less than the second they last.
        using var pacer = new SendPacer();
        for (var send = 1; send <= 7; send++)
        {
            Assert.True(await AcquiredAtOnceAsync(pacer, "a"), $"send {send} waited");
        }

        using var cancellation = new CancellationTokenSource();
        var eighth = Acquire(pacer, "a", cancellation.Token);

        // Waiting, not refused: the zero-permit wait is queued although the windows queue no permits.
        Assert.False(eighth.IsCompleted);
        Assert.True(await AcquiredAtOnceAsync(pacer, "b"));
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => eighth);
    }

    [Fact]
    public async Task With_the_SDKs_sliding_windows_the_half_minute_limit_holds_the_sixty_first_send()
    {
        using var pacer = new SendPacer([PerHalfMinute], SendPacer.SlidingWindow);
        for (var send = 1; send <= 60; send++)
        {
            Assert.True(await AcquiredAtOnceAsync(pacer, "a"), $"send {send} waited");
        }

        using var cancellation = new CancellationTokenSource();
        var sixtyFirst = Acquire(pacer, "a", cancellation.Token);

        Assert.False(sixtyFirst.IsCompleted);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sixtyFirst);
    }

    /// <summary>Seven sends to <paramref name="conversation"/> fill its one-second window; the eighth, returned, is waiting.</summary>
    private static async Task<Task> WaitingEighthAsync(SendPacer pacer, ManualWindows windows, string conversation, CancellationToken cancellationToken)
    {
        for (var send = 1; send <= 7; send++)
        {
            await Acquire(pacer, conversation, cancellationToken);
        }

        var eighth = Acquire(pacer, conversation, cancellationToken);
        await windows[conversation, PerSecond].Waiting;
        return eighth;
    }

    private static async Task Acquire(SendPacer pacer, string conversation, CancellationToken cancellationToken = default)
    {
        using var lease = await pacer.AcquireAsync(conversation, cancellationToken);
        Assert.True(lease.IsAcquired);
    }

    /// <summary>Whether a permit was there at once (the wait completed synchronously), not after a wait.</summary>
    private static async Task<bool> AcquiredAtOnceAsync(SendPacer pacer, string conversation)
    {
        var acquiring = pacer.AcquireAsync(conversation, CancellationToken.None);
        var atOnce = acquiring.IsCompleted;
        using var lease = await acquiring;
        return atOnce && lease.IsAcquired;
    }
}
