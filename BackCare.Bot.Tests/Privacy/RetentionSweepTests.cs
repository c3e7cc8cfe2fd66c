using BackCare.Bot.Privacy;
using BackCare.Bot.State;
using BackCare.Bot.Storage;
using BackCare.Bot.Tests.Conversation;
using BackCare.Bot.Tests.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;

namespace BackCare.Bot.Tests.Privacy;

/// <summary>The retention sweep on memory and SQLite storage: what the privacy note says is deleted, is.</summary>
public sealed class RetentionSweepTests
{
    [Fact]
    public Task On_memory_storage_an_expired_screening_is_deleted_and_a_fresh_one_kept() =>
        RetentionSweepScenario.Expired_screening_goes_and_a_fresh_one_stays(new ListableMemoryStorage());

    [Fact]
    public async Task On_sqlite_storage_an_expired_screening_is_deleted_and_a_fresh_one_kept()
    {
        using var folder = new TemporaryFolder();
        using var storage = new SqliteStorage(folder.File("state.db"));
        await RetentionSweepScenario.Expired_screening_goes_and_a_fresh_one_stays(storage);
    }

    [Fact]
    public Task On_memory_storage_an_idle_conversation_is_deleted_after_the_keep_period() =>
        RetentionSweepScenario.Idle_conversations_go_after_the_keep_period(new ListableMemoryStorage());

    [Fact]
    public async Task On_sqlite_storage_an_idle_conversation_is_deleted_after_the_keep_period()
    {
        using var folder = new TemporaryFolder();
        using var storage = new SqliteStorage(folder.File("state.db"));
        await RetentionSweepScenario.Idle_conversations_go_after_the_keep_period(storage);
    }

    [Fact]
    public async Task Sqlite_lists_every_key_across_pages()
    {
        using var folder = new TemporaryFolder();
        using var storage = new SqliteStorage(folder.File("state.db"));
        var keys = Enumerable.Range(0, 250).Select(i => $"msteams/users/u{i:D3}").ToList();
        await storage.WriteAsync(keys.ToDictionary(k => k, k => (object)new StoredValue { Name = k }));

        var listed = new List<string>();
        var pages = 0;
        await foreach (var page in storage.ListKeysAsync(100, CancellationToken.None))
        {
            Assert.InRange(page.Count, 1, 100);
            listed.AddRange(page);
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_conversation_saved_before_saves_were_dated_is_dated_not_deleted()
    {
        var storage = new ListableMemoryStorage();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await using var bot = new BotHarness(storage: storage, time: time);
        var key = "msteams/conversations/conversation-user1";
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new StateEnvelope { ETag = "*", State = new Dictionary<string, object> { ["ConversationData"] = new ConversationData { Welcomed = true } } } });

        var first = await bot.Service<StateRetentionSweep>().SweepOnceAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromDays(6));
        await bot.Service<StateRetentionSweep>().SweepOnceAsync(CancellationToken.None);
        Assert.True((await storage.ReadAsync([key])).ContainsKey(key), "an undated conversation was deleted at once");
        time.Advance(TimeSpan.FromDays(1));
        await bot.Service<StateRetentionSweep>().SweepOnceAsync(CancellationToken.None);

        Assert.Equal(1, first.Rewritten);
        Assert.False((await storage.ReadAsync([key])).ContainsKey(key), "the dated conversation outlived the keep period");
    }

    [Fact]
    public async Task Reminder_subscriptions_and_other_keys_are_left_alone()
    {
        var storage = new ListableMemoryStorage();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await using var bot = new BotHarness(storage: storage, time: time);
        await bot.SayAsync("remind me to move every hour");
        time.Advance(TimeSpan.FromDays(30));

        await bot.Service<StateRetentionSweep>().SweepOnceAsync(CancellationToken.None);

        Assert.True((await storage.ReadAsync(["reminders/msteams/user1"])).ContainsKey("reminders/msteams/user1"));
    }

    [Fact]
    public async Task A_storage_that_cannot_list_keys_is_not_swept_and_nothing_fails()
    {
        await using var bot = new BotHarness(storage: new MemoryStorage());
        Assert.Equal(default, await bot.Service<StateRetentionSweep>().SweepOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Past_the_screenings_validity_a_screening_in_progress_is_cleared_but_the_emergency_flag_stays()
    {
        var storage = new ListableMemoryStorage();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await using var bot = new BotHarness(storage: storage, time: time);
        await bot.SayAsync(BackCare.Bot.Tests.Dialogs.Interruptions.Scenes.RedFlag);
        var key = "msteams/conversations/conversation-user1";
        time.Advance(TimeSpan.FromHours(23));
        await bot.Service<StateRetentionSweep>().SweepOnceAsync(CancellationToken.None);
        Assert.Contains(nameof(BackCare.Bot.DialogEngine.DialogState), await StoredStateKeysAsync(storage, key));

        time.Advance(TimeSpan.FromHours(2));
        await bot.Service<StateRetentionSweep>().SweepOnceAsync(CancellationToken.None);

        var items = await storage.ReadAsync([key]);
        var state = BackCare.Bot.DialogEngine.StateValue.To<StateEnvelope>(items[key])!.State!;
        Assert.DoesNotContain(nameof(BackCare.Bot.DialogEngine.DialogState), state.Keys);
        Assert.True(BackCare.Bot.DialogEngine.StateValue.To<ConversationData>(state[nameof(ConversationData)])!.EmergencyReported);
    }

    [Fact]
    public async Task An_unanswered_screening_is_cleared_after_the_screenings_validity()
    {
        var storage = new ListableMemoryStorage();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await using var bot = new BotHarness(storage: storage, time: time);
        Assert.NotNull(ScreeningDriver.QuestionAsked(bot, await bot.SayAsync("my back is stiff")));
        Assert.NotNull(ScreeningDriver.QuestionAsked(bot, await bot.SayAsync("no")));
        time.Advance(TimeSpan.FromHours(25));

        var result = await bot.Service<StateRetentionSweep>().SweepOnceAsync(CancellationToken.None);

        Assert.Equal(1, result.Rewritten);
        Assert.DoesNotContain(nameof(BackCare.Bot.DialogEngine.DialogState), await StoredStateKeysAsync(storage, "msteams/conversations/conversation-user1"));
        Assert.Null(ScreeningDriver.QuestionAsked(bot, await bot.SayAsync("no")));
    }

    private static async Task<ICollection<string>> StoredStateKeysAsync(IStorage storage, string key)
    {
        var items = await storage.ReadAsync([key]);
        return BackCare.Bot.DialogEngine.StateValue.To<StateEnvelope>(items[key])!.State!.Keys;
    }
}
