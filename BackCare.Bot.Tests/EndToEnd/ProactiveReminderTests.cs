using BackCare.Bot.Content;
using BackCare.Bot.Reminders;
using BackCare.Bot.Storage;
using BackCare.Bot.Tests.Conversation;
using BackCare.Bot.Tests.Storage;
using BackCare.Bot.TestSupport;

namespace BackCare.Bot.Tests.EndToEnd;

/// <summary>
/// A movement-break reminder sent by the running bot process on its own: a proactive turn (ContinueConversationAsync
/// with the bot's app id, empty here as in local mode) that the fake connector receives as a new message in the
/// Teams conversation, not as a reply. The bot keeps its reminders in a SQLite file the test shares, so the test
/// can make a subscription due at once instead of waiting out its interval.
/// </summary>
public sealed class ProactiveReminderTests
{
    /// <summary>Generous bound for a reminder to arrive: with a one-second tick it normally takes a second or two.</summary>
    private static readonly TimeSpan ReminderTimeout = TimeSpan.FromSeconds(30);

    private static readonly KnowledgeBase Knowledge = ContentLoader.Load(KnowledgeBase.DefaultDirectory);

    private static BotMessages Messages => Knowledge.Messages;

    [Fact]
    public async Task A_due_reminder_arrives_as_a_proactive_card_and_Stop_reminders_on_it_ends_them()
    {
        await using var running = await RemindingBot.StartAsync();
        var reminders = running.Reminders;
        using var chat = running.NewChat();
        using var other = running.NewChat();

        await OptInAsync(chat);
        await MakeDueNowAsync(reminders, chat);
        var received = Assert.Single(await chat.WaitForUnpromptedAsync(1, ReminderTimeout));

        // A proactive message goes to the conversation, not in reply to anything the user sent.
        Assert.Null(received.ReplyToId);
        Assert.Null((string?)received.Activity["replyToId"]);
        var reminder = TeamsConversation.ToActivity(received);
        Assert.Single(Replies.Cards(reminder));
        Assert.Equal([Messages.ReminderDoneButton, Messages.ReminderSnoozeButton, Messages.ReminderStopButton], Replies.Buttons(reminder).Select(b => b.Title));

        var stopped = await chat.ClickAsync(reminder, Messages.ReminderStopButton);

        // Teams names the card's message in the submit, so the answer replaces the reminder card, buttons gone.
        var closed = Assert.Single(stopped);
        Assert.True(Replies.IsUpdate(closed));
        Assert.Equal(reminder.Id, closed.Id);
        Assert.Contains(Messages.RemindersStopped, Replies.Text(closed), StringComparison.Ordinal);
        Assert.Empty(Replies.Buttons(closed));
        var key = ReminderStore.KeyFor("msteams", chat.UserId);
        Assert.Null(await reminders.GetAsync(key, CancellationToken.None));
        Assert.DoesNotContain(key, await reminders.ListKeysAsync(CancellationToken.None));

        // Nothing is left to make due, so show instead that the scheduler ticks on after the stop: another user's
        // reminder, made due only now, arrives, and by then the stopped conversation has had nothing more.
        await OptInAsync(other);
        await MakeDueNowAsync(reminders, other);
        await other.WaitForUnpromptedAsync(1, ReminderTimeout);
        Assert.Single(chat.Unprompted());
    }

    [Fact]
    public async Task A_reminder_the_connector_refuses_with_403_ends_the_subscription_and_no_error_reaches_the_user()
    {
        await using var running = await RemindingBot.StartAsync();
        var (connector, reminders) = (running.Connector, running.Reminders);
        using var chat = running.NewChat();
        var key = ReminderStore.KeyFor("msteams", chat.UserId);

        await OptInAsync(chat);
        var attempts = connector.Attempts;
        connector.Failures.Enqueue(403);
        await MakeDueNowAsync(reminders, chat);

        // The user blocked the bot: the card's POST is refused, and the subscription is deleted.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await reminders.GetAsync(key, CancellationToken.None) is not null || (await reminders.ListKeysAsync(CancellationToken.None)).Contains(key))
        {
            Assert.True(waited.Elapsed < ReminderTimeout, "The refused reminder did not end the subscription.");
            await Task.Delay(100);
        }

        Assert.Equal(attempts + 1, connector.Attempts); // the card, refused, and nothing after it ("something went wrong")
        Assert.Empty(chat.Unprompted());
    }

    /// <summary>The bot process with a one-second reminder tick, its fake connector, and its SQLite file opened by the test too.</summary>
    private sealed class RemindingBot : IAsyncDisposable
    {
        private readonly TemporaryFolder _folder;
        private readonly BotProcess _bot;
        private readonly SqliteStorage _storage;

        private RemindingBot(TemporaryFolder folder, FakeConnector connector, BotProcess bot, SqliteStorage storage)
        {
            (_folder, Connector, _bot, _storage) = (folder, connector, bot, storage);
            Reminders = new ReminderStore(storage);
        }

        public FakeConnector Connector { get; }

        public ReminderStore Reminders { get; }

        public static async Task<RemindingBot> StartAsync()
        {
            var folder = new TemporaryFolder();
            var database = folder.File("backcare.db");
            var connector = await FakeConnector.StartAsync();
            var bot = await BotProcess.StartAsync(["Storage:Kind=Sqlite", $"Storage:SqlitePath={database}", "BackCare:ReminderTickSeconds=1"]);
            return new RemindingBot(folder, connector, bot, new SqliteStorage(database));
        }

        public TeamsConversation NewChat() => new(_bot, Connector) { LocalOffset = MiddayOffset() };

        public async ValueTask DisposeAsync()
        {
            _storage.Dispose();
            await _bot.DisposeAsync();
            await Connector.DisposeAsync();
            _folder.Dispose();
        }
    }

    /// <summary>An offset that puts the user's clock at about midday now, so the 9-to-5 window holds for the whole test whenever it runs.</summary>
    private static TimeSpan MiddayOffset() => TimeSpan.FromHours(12 - DateTimeOffset.UtcNow.Hour);

    private static async Task OptInAsync(TeamsConversation chat)
    {
        var confirmed = await chat.SayAsync("remind me to move every 45 minutes between 9 and 5 every day");
        var text = Replies.Text(Assert.Single(confirmed));
        Assert.Contains("09:00", text, StringComparison.Ordinal);
        Assert.Contains("17:00", text, StringComparison.Ordinal);
        Assert.Contains(Messages.ReminderEveryDay, text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Moves the user's next reminder to now, through the bot's own store on the same SQLite file: the write carries
    /// the ETag just read, as the bot's own writes do.
    /// </summary>
    private static async Task MakeDueNowAsync(ReminderStore reminders, TeamsConversation chat)
    {
        var subscription = await reminders.GetAsync(ReminderStore.KeyFor("msteams", chat.UserId), CancellationToken.None);
        Assert.NotNull(subscription);
        Assert.True(subscription.NextDueUtc > DateTimeOffset.UtcNow.AddMinutes(30), "Not due for a while yet: the test must make it due.");
        subscription.NextDueUtc = DateTimeOffset.UtcNow;
        await reminders.SaveAsync(subscription, CancellationToken.None);
    }
}
