using BackCare.Bot.Reminders;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Reminders;

/// <summary>Reminders sent by the scheduler, driven minute by minute on the harness's fake clock (Thursday 26 November 2026, 09:00 UTC).</summary>
public sealed class ReminderSchedulingTests
{
    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task Opting_in_confirms_what_was_understood_in_one_message()
    {
        await using var harness = new BotHarness();
        var replies = await harness.SayAsync("remind me to move every 45 minutes between 9 and 5");
        var reply = Assert.Single(replies);
        var text = Replies.Text(reply);
        Assert.Contains("45", text, StringComparison.Ordinal);
        Assert.Contains("09:00", text, StringComparison.Ordinal);
        Assert.Contains("17:00", text, StringComparison.Ordinal);
        Assert.Contains(harness.Messages.ReminderWeekdays, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nonsense_gets_a_clear_reply_and_nothing_is_stored()
    {
        await using var harness = new BotHarness();
        var replies = await harness.SayAsync("remind me every banana");
        Assert.Equal(harness.Messages.ReminderNotUnderstood, Replies.Text(Assert.Single(replies)));
        Assert.Equal(0, await harness.Reminders.SendDueAsync(CancellationToken.None));
        var index = await harness.Storage.ReadAsync([ReminderStore.IndexKey]);
        Assert.Empty(index);
    }

    [Fact]
    public async Task After_an_emergency_answer_reminders_are_not_offered_but_can_still_be_stopped()
    {
        await using var harness = new BotHarness();
        await harness.SayAsync("my back is stiff");
        await harness.SayAsync("yes");

        var optIn = await harness.SayAsync("remind me to move every hour");
        var stop = await harness.SayAsync("stop reminders");

        Assert.Contains(harness.Knowledge.Messages.UrgentReminder, Replies.AllText(optIn), StringComparison.Ordinal);
        Assert.Empty(await harness.Storage.ReadAsync([ReminderStore.IndexKey, ReminderStore.KeyFor("msteams", "user1")], CancellationToken.None));
        Assert.DoesNotContain(harness.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(stop), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_arrive_on_time_and_never_at_night_or_at_the_weekend()
    {
        await using var harness = new BotHarness();
        await harness.SayAsync("remind me every hour between 9 and 5");

        // Thursday 09:00 to Monday 12:00: across two nights and a weekend.
        var sent = await harness.TickRemindersUntilAsync(At(30, 12));

        Assert.Equal(At(26, 10), sent[0].At);
        Assert.All(sent, s =>
        {
            Assert.InRange(s.At.Hour * 60 + s.At.Minute, 9 * 60, 17 * 60);
            Assert.NotEqual(DayOfWeek.Saturday, s.At.DayOfWeek);
            Assert.NotEqual(DayOfWeek.Sunday, s.At.DayOfWeek);
        });

        // Thursday and Friday 10:00–17:00 (8 each), Monday 10:00–12:00 (3).
        Assert.Equal(19, sent.Count);
        Assert.Equal(At(27, 10), sent[8].At);
        Assert.Equal(At(30, 10), sent[16].At);

        var card = Assert.Single(Replies.Cards(sent[0].Reply));
        var actions = card["actions"]!.Select(a => (string?)a["data"]?["action"]).ToList();
        Assert.Equal(["reminder-done", "reminder-snooze", "reminder-stop"], actions);
    }

    [Fact]
    public async Task Local_hours_follow_the_users_time_zone_offset()
    {
        await using var harness = new BotHarness();
        var activity = harness.Adapter.MakeActivity("remind me every 2 hours between 9 and 5");
        activity.LocalTimestamp = new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.FromHours(2));
        await harness.SendAsync(activity);

        var sent = await harness.TickRemindersUntilAsync(At(27, 0));

        // 09:00 UTC is 11:00 local: reminders at 13:00, 15:00 and 17:00 local, i.e. 11, 13 and 15 UTC.
        Assert.Equal([At(26, 11), At(26, 13), At(26, 15)], sent.Select(s => s.At));
    }

    [Fact]
    public async Task Snooze_moves_the_next_reminder_15_minutes_on()
    {
        await using var harness = new BotHarness();
        await harness.SayAsync("remind me every hour");
        var first = await harness.TickRemindersUntilAsync(At(26, 10));
        Assert.Equal(At(26, 10), Assert.Single(first).At);

        var reply = await harness.SubmitAsync(new JObject { ["action"] = "reminder-snooze" });
        Assert.Equal(harness.Messages.ReminderSnoozed, Replies.Text(Assert.Single(reply)));

        var next = await harness.TickRemindersUntilAsync(At(26, 11, 20));
        Assert.Equal([At(26, 10, 15), At(26, 11, 15)], next.Select(s => s.At));
    }

    [Fact]
    public async Task Done_is_acknowledged_and_keeps_the_schedule()
    {
        await using var harness = new BotHarness();
        await harness.SayAsync("remind me every hour");
        var first = await harness.TickRemindersUntilAsync(At(26, 10));

        var reply = await harness.ClickAsync(first[0].Reply, harness.Messages.ReminderDoneButton);
        Assert.Contains(harness.Messages.ReminderDoneReply, Replies.Text(Assert.Single(reply)), StringComparison.Ordinal);
        Assert.Single(await harness.TickRemindersUntilAsync(At(26, 11)));
    }

    [Fact]
    public async Task Stop_reminders_typed_ends_them()
    {
        await using var harness = new BotHarness();
        await harness.SayAsync("remind me every hour");
        var reply = await harness.SayAsync("stop reminders");
        Assert.Contains(harness.Messages.RemindersStopped, Replies.Text(Assert.Single(reply)), StringComparison.Ordinal);
        Assert.Empty(await harness.TickRemindersUntilAsync(At(26, 17)));
    }

    [Fact]
    public async Task The_stop_button_ends_them()
    {
        await using var harness = new BotHarness();
        await harness.SayAsync("remind me every hour");
        var first = await harness.TickRemindersUntilAsync(At(26, 10));
        var reply = await harness.ClickAsync(first[0].Reply, harness.Messages.ReminderStopButton);
        Assert.Contains(harness.Messages.RemindersStopped, Replies.Text(Assert.Single(reply)), StringComparison.Ordinal);
        Assert.Empty(await harness.TickRemindersUntilAsync(At(26, 17)));
    }

    [Fact]
    public async Task A_reminder_is_a_new_message_in_the_conversation_not_a_reply()
    {
        await using var harness = new BotHarness();
        await harness.SayAsync("remind me every hour");

        var sent = await harness.TickRemindersUntilAsync(At(26, 10));

        Assert.Null(Assert.Single(sent).Reply.ReplyToId);
    }

    [Fact]
    public async Task Stopping_while_a_reminder_is_on_its_way_is_not_undone_by_the_scheduler()
    {
        BotHarness? harness = null;
        var stopped = new List<IActivity>();
        await using (harness = new BotHarness(duringReminder: async () => stopped.AddRange(await harness!.SayAsync("stop reminders"))))
        {
            await harness.SayAsync("remind me every hour");

            Assert.Single(await harness.TickRemindersUntilAsync(At(26, 10)));

            Assert.Equal(harness.Messages.RemindersStopped, Replies.Text(Assert.Single(stopped)));
            var store = new ReminderStore(harness.Storage);
            Assert.Null(await store.GetAsync(ReminderStore.KeyFor("msteams", "user1"), CancellationToken.None));
            Assert.Empty(await store.ListKeysAsync(CancellationToken.None));
            Assert.Empty(await harness.TickRemindersUntilAsync(At(26, 17)));
        }
    }

    [Fact]
    public async Task Two_bot_instances_on_one_storage_send_a_due_reminder_once()
    {
        var storage = new MemoryStorage();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(At(26, 9));
        var secondSent = -1;
        await using var second = new BotHarness(storage: storage, time: time);

        // The second instance's tick comes while the first is sending the same reminder.
        await using var first = new BotHarness(storage: storage, time: time, duringReminder: async () => secondSent = await second.Reminders.SendDueAsync(CancellationToken.None));
        await first.SayAsync("remind me every hour");

        Assert.Single(await first.TickRemindersUntilAsync(At(26, 10)));
        Assert.Equal(0, secondSent);
        Assert.Empty(second.TakeReplies());
    }

    [Fact]
    public async Task Forget_me_deletes_the_subscription()
    {
        await using var harness = new BotHarness();
        await harness.SayAsync("remind me every hour");
        await harness.SayAsync("forget me");

        Assert.Empty(await harness.TickRemindersUntilAsync(At(26, 17)));
        var key = ReminderStore.KeyFor("msteams", "user1");
        Assert.Empty(await harness.Storage.ReadAsync([key]));
    }

    [Fact]
    public async Task A_restarted_bot_still_sends_them()
    {
        var storage = new MemoryStorage();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(At(26, 9));
        await using (var before = new BotHarness(storage: storage, time: time))
        {
            await before.SayAsync("remind me every hour");
        }

        await using var after = new BotHarness(storage: storage, time: time);
        var sent = await after.TickRemindersUntilAsync(At(26, 10));
        Assert.Equal(At(26, 10), Assert.Single(sent).At);
        Assert.Equal(ActivityTypes.Message, sent[0].Reply.Type);
    }
}
