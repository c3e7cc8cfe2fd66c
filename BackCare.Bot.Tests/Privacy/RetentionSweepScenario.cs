using BackCare.Bot.Privacy;
using BackCare.Bot.State;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;

namespace BackCare.Bot.Tests.Privacy;

/// <summary>
/// The retention sweep on one storage kind, with a fake clock: two users screened 20 hours apart, then the
/// sweep at 25 hours after the first. Shared by the memory, SQLite and Blob (Azurite) tests.
/// </summary>
internal static class RetentionSweepScenario
{
    public const string OldUser = "msteams/users/early";
    public const string NewUser = "msteams/users/late";
    public const string OldConversation = "msteams/conversations/conversation-early";
    public const string NewConversation = "msteams/conversations/conversation-late";

    public static async Task Expired_screening_goes_and_a_fresh_one_stays(IStorage storage)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await using var early = new BotHarness(storage: storage, time: time, userId: "early");
        await using var late = new BotHarness(storage: storage, time: time, userId: "late");
        await ScreenAsync(early);
        time.Advance(TimeSpan.FromHours(20));
        await ScreenAsync(late);
        time.Advance(TimeSpan.FromHours(5));

        var result = await early.Service<StateRetentionSweep>().SweepOnceAsync(CancellationToken.None);

        var left = await storage.ReadAsync([OldUser, NewUser, OldConversation, NewConversation]);
        Assert.False(left.ContainsKey(OldUser), "the screening 25 hours old is still stored");
        Assert.True(left.ContainsKey(NewUser), "the screening 5 hours old was deleted");
        Assert.True(left.ContainsKey(OldConversation) && left.ContainsKey(NewConversation), "a conversation a day old was deleted");
        Assert.Equal(1, result.Deleted);
        Assert.Equal(1, result.Rewritten);

        // The user sees it gone: the questions come again (the technique picker left waiting went too); the other user picks at once.
        Assert.NotNull(ScreeningDriver.QuestionAsked(early, await early.SayAsync("child's pose")));
        Assert.Null(ScreeningDriver.QuestionAsked(late, await late.SayAsync("child's pose")));
    }

    public static async Task Idle_conversations_go_after_the_keep_period(IStorage storage)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await using var early = new BotHarness(storage: storage, time: time, userId: "early");
        await using var late = new BotHarness(storage: storage, time: time, userId: "late");
        await early.SayAsync("is foam rolling better than stretching?");
        time.Advance(TimeSpan.FromDays(6));
        await late.SayAsync("is foam rolling better than stretching?");
        time.Advance(TimeSpan.FromDays(1.5));

        await early.Service<StateRetentionSweep>().SweepOnceAsync(CancellationToken.None);

        var left = await storage.ReadAsync([OldConversation, NewConversation]);
        Assert.False(left.ContainsKey(OldConversation), "a conversation idle for 7.5 days is still stored");
        Assert.True(left.ContainsKey(NewConversation), "a conversation idle for 1.5 days was deleted");
    }

    private static async Task ScreenAsync(BotHarness bot)
    {
        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.YesTo(bot, "pregnancy"));
        Assert.Contains(bot.Messages.ChooseTechniquePrompt, Replies.AllText(replies), StringComparison.Ordinal);
        var profile = await StoredProfileAsync(bot.Storage, "msteams/users/" + bot.Adapter.Conversation.User.Id);
        Assert.NotNull(profile?.Screening);
    }

    public static async Task<UserProfile?> StoredProfileAsync(IStorage storage, string key)
    {
        var items = await storage.ReadAsync([key]);
        return items.TryGetValue(key, out var value) && BackCare.Bot.DialogEngine.StateValue.To<StateEnvelope>(value) is { State: { } state } && state.TryGetValue(nameof(UserProfile), out var profile)
            ? BackCare.Bot.DialogEngine.StateValue.To<UserProfile>(profile)
            : null;
    }
}
