using BackCare.Bot.Reminders;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Reminders;

/// <summary>
/// Reminders never go where they should not: not after an emergency answer (a prompt to get up and stretch is the
/// wrong message then) and not outside the chosen hours, even when a snooze runs past their end.
/// Driven on the harness's fake clock (Thursday 26 November 2026, 09:00 UTC).
/// </summary>
public sealed class ReminderSafetyTests
{
    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>When each reminder went out (UTC), ticking minute by minute until <paramref name="until"/>.</summary>
    private static async Task<List<DateTimeOffset>> TickUntilAsync(BotHarness harness, DateTimeOffset until) =>
        [.. (await harness.TickRemindersUntilAsync(until)).Select(sent => sent.At)];

    /// <summary>
    /// No subscription and not listed; at most the stopped marker is left, which holds no schedule and no
    /// conversation reference (it only makes a claim in flight fail; "forget me" deletes it).
    /// </summary>
    private static async Task AssertStoppedAsync(BotHarness harness, string key)
    {
        var store = harness.Service<ReminderStore>();
        Assert.Null(await store.GetAsync(key, CancellationToken.None));
        Assert.DoesNotContain(key, await store.ListKeysAsync(CancellationToken.None));
        if ((await harness.Storage.ReadAsync([key], CancellationToken.None)).TryGetValue(key, out var left))
        {
            var marker = left as ReminderSubscription ?? JObject.FromObject(left).ToObject<ReminderSubscription>()!;
            Assert.True(marker.Stopped);
            Assert.Null(marker.Reference.Conversation);
            Assert.Null(marker.Reference.ServiceUrl);
        }
    }

    [Fact]
    public async Task A_red_flag_typed_later_switches_the_reminders_off_and_says_so()
    {
        await using var harness = new BotHarness();
        await harness.SayAsync("remind me every hour");
        Assert.Single(await TickUntilAsync(harness, At(26, 10)));

        var replies = await harness.SayAsync("I can't feel my legs and my back hurts");

        Assert.Contains(harness.Knowledge.Screening.Outcomes.Emergency, Replies.Text(replies[0]), StringComparison.Ordinal);
        Assert.Equal(harness.Messages.RemindersStoppedForEmergency, Replies.Text(replies[^1]));
        Assert.Empty(await TickUntilAsync(harness, At(27, 12)));
        await AssertStoppedAsync(harness, ReminderStore.KeyFor("msteams", "user1"));
    }

    [Fact]
    public async Task An_emergency_answer_in_the_screening_switches_the_reminders_off()
    {
        await using var harness = new BotHarness();
        await harness.SayAsync("remind me every hour");
        await harness.SayAsync("my back is stiff");

        var replies = await harness.SayAsync("yes");

        Assert.Contains(harness.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Contains(harness.Messages.RemindersStoppedForEmergency, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Empty(await TickUntilAsync(harness, At(27, 12)));
    }

    [Fact]
    public async Task Without_reminders_an_emergency_answer_says_nothing_about_them()
    {
        await using var harness = new BotHarness();

        var replies = await harness.SayAsync("I can't feel my legs and my back hurts");

        Assert.DoesNotContain(harness.Messages.RemindersStoppedForEmergency, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snooze_that_runs_past_the_end_of_the_hours_is_dropped_and_the_next_reminder_comes_next_morning()
    {
        await using var harness = new BotHarness();
        await harness.SayAsync("remind me every hour between 9 and 5");
        var before = await TickUntilAsync(harness, At(26, 16, 50));
        Assert.Equal(At(26, 16), before[^1]);

        var snooze = await harness.SubmitAsync(new JObject { ["action"] = ReminderConversation.ActionSnooze });
        Assert.Equal(harness.Messages.ReminderSnoozed, Replies.Text(Assert.Single(snooze)));

        // The day's first reminder is one interval into its hours.
        var after = await TickUntilAsync(harness, At(27, 10, 30));
        Assert.Equal([At(27, 10)], after);
    }

    [Fact]
    public async Task Across_the_end_of_summer_time_reminders_keep_to_the_users_local_hours()
    {
        // Friday 23 October 2026, 08:00 UTC = 09:00 in London (BST); the clocks go back on Sunday the 25th.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 10, 23, 8, 0, 0, TimeSpan.Zero));
        await using var harness = new BotHarness(time: time);
        var optIn = harness.Adapter.MakeActivity("remind me every hour between 9 and 5");
        optIn.LocalTimezone = "Europe/London";
        await harness.SendAsync(optIn);
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        var sent = await TickUntilAsync(harness, new DateTimeOffset(2026, 10, 26, 12, 30, 0, TimeSpan.Zero));

        var local = sent.Select(utc => TimeZoneInfo.ConvertTime(utc, london)).ToList();
        Assert.All(local, t => Assert.InRange(t.TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(17)));
        Assert.All(local, t => Assert.True(t.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday, $"{t} is at the weekend"));
        Assert.Equal(new DateTimeOffset(2026, 10, 23, 9, 0, 0, TimeSpan.Zero), sent[0]);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 10, 0, 0, TimeSpan.Zero), sent.First(t => t.Day == 26));
        Assert.Equal([10, 11, 12], local.Where(t => t.Day == 26).Select(t => t.Hour));
    }

    [Fact]
    public async Task When_the_reminders_cannot_be_switched_off_the_emergency_answer_is_still_remembered()
    {
        var storage = new FailingReminderDeletes();
        await using var harness = new BotHarness(storage: storage);
        await harness.SayAsync("remind me every hour");
        storage.Failing = true;

        var replies = await harness.SayAsync("I can't feel my legs and my back hurts");
        storage.Failing = false;
        var after = await harness.SayAsync("my back is stiff");

        Assert.Contains(harness.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Contains(harness.Knowledge.Messages.UrgentReminder, Replies.AllText(after), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stop reminders")]
    [InlineData("I can't feel my legs and my back hurts")]
    public async Task A_stop_between_the_schedulers_read_and_its_claim_is_not_undone(string said)
    {
        var storage = new WriteHookStorage();
        await using var harness = new BotHarness(storage: storage);
        await harness.SayAsync("remind me every hour");
        var key = ReminderStore.KeyFor("msteams", "user1");
        List<Microsoft.Bot.Schema.IActivity>? during = null;

        // The user's message lands after the scheduler read the subscription and before it saves its claim.
        storage.BeforeWriteOf(key, async () => during = await harness.SayAsync(said));
        var sent = 0;
        for (var minute = 0; minute < 24 * 60 && during is null; minute++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(1));
            sent += await harness.Reminders.SendDueAsync(CancellationToken.None);
        }

        Assert.NotNull(during);
        Assert.Equal(0, sent);
        Assert.Empty(await TickUntilAsync(harness, harness.Time.GetUtcNow().AddDays(2)));
        await AssertStoppedAsync(harness, key);
    }

    [Fact]
    public async Task Stopping_and_opting_in_again_while_a_reminder_is_claimed_keeps_the_new_reminders()
    {
        var storage = new WriteHookStorage();
        await using var harness = new BotHarness(storage: storage);
        await harness.SayAsync("remind me every hour");
        var key = ReminderStore.KeyFor("msteams", "user1");
        List<Microsoft.Bot.Schema.IActivity>? optIn = null;

        // After the scheduler read the subscription and before its claim: "stop reminders", then a change of mind.
        storage.BeforeWriteOf(key, async () =>
        {
            await harness.SayAsync("stop reminders");
            optIn = await harness.SayAsync("remind me every 2 hours");
        });
        for (var minute = 0; minute < 24 * 60 && optIn is null; minute++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(1));
            await harness.Reminders.SendDueAsync(CancellationToken.None);
        }

        Assert.NotNull(optIn);
        harness.TakeReplies();
        var subscription = await harness.Service<ReminderStore>().GetAsync(key, CancellationToken.None);
        Assert.Equal(120, subscription?.IntervalMinutes);
        Assert.NotEmpty(await TickUntilAsync(harness, harness.Time.GetUtcNow().AddDays(2)));
    }

    /// <summary>Fails deletes of reminder keys while <see cref="Failing"/> (a storage hiccup at the wrong moment).</summary>
    private sealed class FailingReminderDeletes : IStorage
    {
        private readonly MemoryStorage _inner = new();

        public bool Failing { get; set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => _inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
            Failing && keys.Any(k => k.StartsWith("reminders/", StringComparison.Ordinal))
                ? throw new IOException("The storage did not answer.")
                : _inner.DeleteAsync(keys, cancellationToken);
    }

    /// <summary>Runs a hook once, just before the next write of one key, to play what happens in between.</summary>
    private sealed class WriteHookStorage : IStorage
    {
        private readonly MemoryStorage _inner = new();
        private string? _key;
        private Func<Task>? _hook;

        public void BeforeWriteOf(string key, Func<Task> hook) => (_key, _hook) = (key, hook);

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.ReadAsync(keys, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.DeleteAsync(keys, cancellationToken);

        public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            if (_key is not null && changes.ContainsKey(_key) && _hook is { } hook)
            {
                _hook = null;
                await hook();
            }

            await _inner.WriteAsync(changes, cancellationToken);
        }
    }
}
