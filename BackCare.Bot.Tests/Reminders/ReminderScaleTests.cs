using BackCare.Bot.Hosting;
using BackCare.Bot.Reminders;
using BackCare.Bot.Tests.Conversation;
using BackCare.Bot.TestSupport;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackCare.Bot.Tests.Reminders;

/// <summary>
/// Reminders with many users: one instance scans at a time, a tick reads only what is due, sends run a bounded
/// number at a time, and the index's trouble never fails the user's turn.
/// </summary>
public sealed class ReminderScaleTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_storage_lease_is_held_by_one_instance_until_it_is_released_or_runs_out()
    {
        var storage = new MemoryStorage();
        var time = new FakeTimeProvider(Nine);
        var a = new StorageScanLease(storage, time);
        var b = new StorageScanLease(storage, time);

        Assert.True(await a.TryAcquireAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.False(await b.TryAcquireAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.True(await a.TryAcquireAsync(TimeSpan.FromMinutes(1), CancellationToken.None));

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await b.TryAcquireAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.False(await a.TryAcquireAsync(TimeSpan.FromMinutes(1), CancellationToken.None));

        await b.ReleaseAsync(CancellationToken.None);
        Assert.True(await a.TryAcquireAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task Of_two_schedulers_on_one_storage_only_the_lease_holder_scans()
    {
        var storage = new ControllableStorage(new MemoryStorage());
        var time = new FakeTimeProvider(Nine);
        await using var first = new BotHarness(storage: storage, time: time);
        await using var second = new BotHarness(storage: storage, time: time);
        await first.SayAsync("remind me every hour");
        time.Advance(TimeSpan.FromHours(1));

        Assert.True(await first.Service<IReminderScanLease>().TryAcquireAsync(TimeSpan.FromMinutes(5), CancellationToken.None));
        storage.ResetCounts();

        Assert.Equal(0, await second.Reminders.SendDueAsync(CancellationToken.None));
        Assert.Equal(1, storage.ItemsRead); // the lease row, nothing else
        Assert.Empty(second.TakeReplies());

        Assert.Equal(1, await first.Reminders.SendDueAsync(CancellationToken.None));
        Assert.Single(first.TakeReplies());

        // Released at the end of its tick: the other instance may scan next time.
        Assert.True(await second.Service<IReminderScanLease>().TryAcquireAsync(TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task A_tick_reads_the_due_reminders_not_all_of_them()
    {
        var storage = new ControllableStorage(new MemoryStorage());
        await using var harness = new BotHarness(storage: storage);
        var store = new ReminderStore(storage);
        for (var i = 0; i < 1000; i++)
        {
            // 10 due at 09:02:30, the rest spread over 09:30 to 09:47.
            var due = i < 10 ? Nine.AddSeconds(150) : Nine.AddMinutes(30).AddSeconds(i);
            await store.SaveAsync(Subscription(i, due), CancellationToken.None);
        }

        // The first tick has no cursor yet, so it sweeps: every subscription read once.
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        storage.ResetCounts();
        Assert.Equal(0, await harness.Reminders.SendDueAsync(CancellationToken.None));
        Assert.True(storage.ItemsRead >= 1000, $"The sweep read {storage.ItemsRead} items.");

        harness.Time.Advance(TimeSpan.FromMinutes(2));
        storage.ResetCounts();
        var sent = await harness.Reminders.SendDueAsync(CancellationToken.None);

        Assert.Equal(10, sent);
        Assert.Equal(10, harness.TakeReplies().Count);
        Assert.InRange(storage.ItemsRead, 10, 40);
    }

    [Fact]
    public async Task Sends_run_concurrently_but_never_more_than_the_bound()
    {
        var sender = new TrackingSender(TimeSpan.FromMilliseconds(200));
        await using var harness = new BotHarness(configure: services => services.AddSingleton<IProactiveSender>(sender));
        var store = new ReminderStore(harness.Storage);
        for (var i = 0; i < 40; i++)
        {
            await store.SaveAsync(Subscription(i, Nine.AddSeconds(30)), CancellationToken.None);
        }

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(40, await harness.Reminders.SendDueAsync(CancellationToken.None));

        Assert.Equal(40, sender.Sent);
        Assert.Equal(ReminderScheduler.MaxConcurrentSends, sender.MaxInFlight);
    }

    [Fact]
    public async Task A_failed_index_write_does_not_fail_the_remind_me_turn_and_the_next_tick_mends_it()
    {
        var storage = new ControllableStorage(new MemoryStorage());
        await using var harness = new BotHarness(storage: storage);
        storage.FailingWritePrefixes.AddRange([ReminderStore.IndexKey, ReminderDueIndex.BucketPrefix]);

        var replies = await harness.SayAsync("remind me every hour");

        var text = Replies.AllText(replies);
        Assert.DoesNotContain(replies, r => TurnErrorHandler.IsErrorReply(harness.Messages, Replies.Text(r)));
        Assert.Contains(harness.Messages.ReminderWeekdays, text, StringComparison.Ordinal);
        var store = new ReminderStore(storage);
        Assert.NotNull(await store.GetAsync(ReminderStore.KeyFor("msteams", "user1"), CancellationToken.None));
        Assert.Empty(await store.ListKeysAsync(CancellationToken.None));

        storage.FailingWritePrefixes.Clear();
        var sent = await harness.TickRemindersUntilAsync(Nine.AddHours(1));

        Assert.Equal(Nine.AddHours(1), Assert.Single(sent).At);
    }

    private static ReminderSubscription Subscription(int i, DateTimeOffset due) => new()
    {
        UserId = $"u{i}",
        ChannelId = "msteams",
        Reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "https://test.com",
            User = new ChannelAccount($"u{i}"),
            Bot = new ChannelAccount("bot"),
            Conversation = new ConversationAccount(id: $"conversation-u{i}"),
        },
        IntervalMinutes = 60,
        Start = new TimeOnly(0, 0),
        End = new TimeOnly(23, 59),
        Days = [.. Enum.GetValues<DayOfWeek>()],
        NextDueUtc = due,
    };

    /// <summary>A connector stand-in that takes a while per send and keeps the most sends in flight at once.</summary>
    private sealed class TrackingSender(TimeSpan latency) : IProactiveSender
    {
        private int _inFlight;
        private int _maxInFlight;
        private int _sent;

        public int Sent => Volatile.Read(ref _sent);

        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            lock (this)
            {
                _maxInFlight = Math.Max(_maxInFlight, now);
            }

            await Task.Delay(latency, cancellationToken);
            Interlocked.Increment(ref _sent);
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
