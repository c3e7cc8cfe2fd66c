using BackCare.Bot.DialogEngine;
using BackCare.Bot.Hosting;
using BackCare.Bot.State;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace BackCare.Bot.Tests.Hosting;

/// <summary>
/// The turn error handler on the real bot (the harness's adapter, with the handler the host's adapter uses): a failed
/// turn costs the user their half-finished dialog and nothing else, and a cancelled one costs nothing at all.
/// </summary>
public sealed class TurnErrorHandlerTests
{
    private const string RedFlag = "I can't feel my legs and my back hurts";

    [Fact]
    public async Task A_dialog_failure_mid_screening_clears_only_the_dialog_stack_and_says_the_safety_check_stopped()
    {
        var failer = new FailingSend();
        await using var harness = Harness(failer);
        await harness.SayAsync("is foam rolling better than stretching?");
        await ScreeningDriver.AnswerAsync(harness, await harness.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        var before = await StoredAsync(harness);
        Assert.Equal(ScreeningOutcome.Clear, before.Profile.Screening?.Outcome);
        Assert.NotNull(ScreeningDriver.QuestionAsked(harness, await harness.SayAsync("check again")));

        failer.Next = () => new InvalidOperationException("A dialog fails");
        var failed = await harness.SayAsync("no");

        Assert.Equal([harness.Messages.TurnErrorInScreening], failed.Select(Replies.Text));
        var after = await StoredAsync(harness);
        Assert.Empty(after.Dialogs.DialogStack);
        Assert.Equal(before.Dialogs.RecentActivityIds.Count + 1, after.Dialogs.RecentActivityIds.Count);
        Assert.Equal(before.Conversation.LastAnswerId, after.Conversation.LastAnswerId);
        Assert.NotNull(after.Conversation.LastAnswerId);
        Assert.Equal(before.Profile.Screening?.CompletedAt, after.Profile.Screening?.CompletedAt);
        Assert.Equal(ScreeningOutcome.Clear, after.Profile.Screening?.Outcome);
    }

    [Fact]
    public async Task A_storage_failure_mid_screening_clears_only_the_dialog_stack_and_says_the_safety_check_stopped()
    {
        var storage = new FailingReminderStorage(new MemoryStorage());
        await using var harness = Harness(new FailingSend(), storage);
        await ScreeningDriver.AnswerAsync(harness, await harness.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        Assert.NotNull(ScreeningDriver.QuestionAsked(harness, await harness.SayAsync("check again")));
        var before = await StoredAsync(harness);

        storage.Failing = true;
        var failed = await harness.SayAsync("stop reminders");

        Assert.Equal([harness.Messages.TurnErrorInScreening], failed.Select(Replies.Text));
        var after = await StoredAsync(harness);
        Assert.Empty(after.Dialogs.DialogStack);
        Assert.Equal(before.Profile.Screening?.CompletedAt, after.Profile.Screening?.CompletedAt);
    }

    [Fact]
    public async Task A_failure_after_an_emergency_keeps_the_emergency_flag_and_the_outcome()
    {
        var failer = new FailingSend();
        await using var harness = Harness(failer);
        await harness.SayAsync(RedFlag);

        failer.Next = () => new InvalidOperationException("A dialog fails");
        Assert.Equal([harness.Messages.TurnError], (await harness.SayAsync("hello")).Select(Replies.Text));

        var after = await StoredAsync(harness);
        Assert.True(after.Conversation.EmergencyReported);
        Assert.Equal(ScreeningOutcome.Emergency, after.Profile.Screening?.Outcome);
        Assert.Contains(harness.Messages.UrgentReminder, Replies.AllText(await harness.SayAsync(harness.Messages.MenuTips)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_emergency_heard_in_the_turn_that_fails_is_kept()
    {
        var failer = new FailingSend { Next = () => new InvalidOperationException("The urgent advice cannot be sent") };
        await using var harness = Harness(failer);

        Assert.Equal([harness.Messages.TurnError], (await harness.SayAsync(RedFlag)).Select(Replies.Text));

        Assert.True((await StoredAsync(harness)).Conversation.EmergencyReported);
        Assert.Contains(harness.Messages.UrgentReminder, Replies.AllText(await harness.SayAsync(harness.Messages.MenuTips)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_turn_saves_nothing_deletes_nothing_and_sends_nothing()
    {
        var failer = new FailingSend();
        var storage = new MemoryStorage();
        await using var harness = Harness(failer, storage);
        await harness.SayAsync(RedFlag);
        var first = ScreeningDriver.QuestionAsked(harness, await harness.SayAsync("check again"));
        Assert.NotNull(first);
        var snapshot = await SnapshotAsync(storage);

        failer.Next = () => new OperationCanceledException("The host is stopping");
        var cancelled = await harness.SayAsync("no");

        Assert.Empty(cancelled);
        Assert.Equal(snapshot, await SnapshotAsync(storage));
        var stored = await StoredAsync(harness);
        Assert.True(stored.Conversation.EmergencyReported);
        Assert.NotEmpty(stored.Dialogs.DialogStack);

        // The answer that was cancelled never happened: sent again, it moves the screening on.
        var next = await harness.SayAsync("no");
        Assert.NotEqual(first, ScreeningDriver.QuestionAsked(harness, next));
        Assert.DoesNotContain(harness.Messages.UrgentReminder, Replies.AllText(next), StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_out_is_a_failure_and_not_a_cancellation()
    {
        Assert.True(TurnErrorHandler.IsCancellation(new OperationCanceledException()));
        Assert.True(TurnErrorHandler.IsCancellation(new TaskCanceledException()));
        Assert.False(TurnErrorHandler.IsCancellation(new TaskCanceledException("The connector did not answer", new TimeoutException())));
        Assert.False(TurnErrorHandler.IsCancellation(new InvalidOperationException()));
    }

    private static BotHarness Harness(FailingSend failer, IStorage? storage = null)
    {
        var harness = new BotHarness(storage: storage);
        harness.Adapter.OnTurnError = harness.Service<TurnErrorHandler>().HandleAsync;
        harness.Adapter.Use(failer);
        return harness;
    }

    /// <summary>What the bot has saved for the harness's conversation and user, read as a new turn would read it.</summary>
    private static async Task<(DialogState Dialogs, ConversationData Conversation, UserProfile Profile)> StoredAsync(BotHarness harness)
    {
        var state = harness.Service<BackCareState>();
        var activity = harness.Adapter.MakeActivity();
        activity.ChannelId = harness.Adapter.Conversation.ChannelId;
        var turn = new TurnContext(harness.Adapter, activity);
        return (
            await state.DialogState.GetAsync(turn, () => new DialogState()),
            await state.GetConversationAsync(turn, CancellationToken.None),
            await state.GetProfileAsync(turn, CancellationToken.None));
    }

    /// <summary>Everything in the storage, as text: equal snapshots mean nothing was written or deleted.</summary>
    private static async Task<string> SnapshotAsync(MemoryStorage storage)
    {
        string[] keys = ["msteams/conversations/conversation-user1", "msteams/users/user1", "reminders/msteams/user1", "reminders/index"];
        return JsonConvert.SerializeObject(new SortedDictionary<string, object>(await storage.ReadAsync(keys, CancellationToken.None), StringComparer.Ordinal));
    }

    /// <summary>Makes the next message sent in a turn fail with <see cref="Next"/>'s exception (once), as a dialog or the connector may.</summary>
    private sealed class FailingSend : IMiddleware
    {
        private Func<Exception>? _pending;

        public Func<Exception>? Next { get; set; }

        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            // Traces (the routing decision) are not messages: the first message fails.
            turnContext.OnSendActivities((context, activities, send) =>
                activities.Any(a => a.Type == ActivityTypes.Message) && Interlocked.Exchange(ref _pending, null) is { } failure ? throw failure() : send());
            _pending = Next;
            Next = null;
            return next(cancellationToken);
        }
    }

    /// <summary>A storage whose reminder keys fail (an unreachable table, say) while <see cref="Failing"/>; state keys work.</summary>
    private sealed class FailingReminderStorage(IStorage inner) : IStorage
    {
        public bool Failing { get; set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            Check(keys) ? inner.ReadAsync(keys, cancellationToken) : throw new IOException("The reminders cannot be read");

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
            Check(changes.Keys) ? inner.WriteAsync(changes, cancellationToken) : throw new IOException("The reminders cannot be written");

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
            Check(keys) ? inner.DeleteAsync(keys, cancellationToken) : throw new IOException("The reminders cannot be deleted");

        private bool Check(IEnumerable<string> keys) => !Failing || !keys.Any(k => k.StartsWith("reminders/", StringComparison.Ordinal));
    }
}
