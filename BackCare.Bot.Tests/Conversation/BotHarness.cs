using BackCare.Bot.Content;
using BackCare.Bot.Hosting;
using BackCare.Bot.Reminders;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>
/// The real bot (the same service registration as the host) on the SDK's TestAdapter, with a fake
/// clock and a storage that can outlive the harness (to play a restart). Each call sends one activity
/// and returns every reply of that turn. <c>duringReminder</c>, if given, runs inside every proactive send,
/// just before the reminder goes out, for tests that play what happens meanwhile. Every activity carries
/// <c>locale</c> (en-GB unless a test says otherwise; null sends none), and <see cref="Knowledge"/> is the content as
/// that locale reads it. <c>configure</c> may replace services after the bot's own registration.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public BotHarness(
        string channelId = "msteams",
        IStorage? storage = null,
        FakeTimeProvider? time = null,
        bool sendTraces = false,
        string userId = "user1",
        IReadOnlyDictionary<string, string?>? settings = null,
        Func<Task>? duringReminder = null,
        string? locale = DefaultLocale,
        Action<IServiceCollection>? configure = null)
    {
        Locale = locale;
        Storage = storage ?? new MemoryStorage();
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

        var reference = new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "https://test.com",
            User = new ChannelAccount(userId, "User"),
            Bot = new ChannelAccount("bot", "BackCare"),
            Conversation = new ConversationAccount(false, "personal", "conversation-" + userId),
        };
        Adapter = new UpdateRecordingTestAdapter(reference, sendTraceActivity: sendTraces) { Locale = locale };

        // TestAdapter numbers activity ids from 0 for every new adapter; the bot drops ids it has seen, so make them unique.
        Adapter.Use(new UniqueActivityIds());

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        services.AddBackCareBot();
        services.AddSingleton(Storage);
        services.AddSingleton<TimeProvider>(Time);
        // Reminders are sent proactively through the TestAdapter, so they arrive in its reply queue like any reply.
        IProactiveSender sender = new AdapterProactiveSender(Adapter, string.Empty);
        services.AddSingleton(duringReminder is null ? sender : new InterruptedSender(sender, duringReminder));
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();

    }

    /// <summary>The locale of a harness that names none: the bot's content is written in UK English.</summary>
    public const string DefaultLocale = "en-GB";

    /// <summary>The locale every activity of this harness carries; null for none.</summary>
    public string? Locale { get; }

    public IStorage Storage { get; }

    public FakeTimeProvider Time { get; }

    public UpdateRecordingTestAdapter Adapter { get; }

    /// <summary>The bot's knowledge as a user in <see cref="Locale"/> reads it: its local help tokens filled in.</summary>
    public KnowledgeBase Knowledge => LocalizedKnowledge.For(Locale);

    public BotMessages Messages => Knowledge.Messages;

    /// <summary>The reminder scheduler of this bot, for tests that drive its tick directly.</summary>
    public ReminderScheduler Reminders => _services.GetRequiredService<ReminderScheduler>();

    /// <summary>Any service of this bot, for tests of its wiring.</summary>
    public T Service<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Replies sent outside a turn of <see cref="SendAsync"/> (proactive reminders), in order.</summary>
    public List<IActivity> TakeReplies()
    {
        var replies = new List<IActivity>();
        while (Adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        return replies;
    }

    /// <summary>
    /// Ticks the reminder scheduler minute by minute on the fake clock until <paramref name="until"/>; each reminder
    /// it sent, with the time (UTC) it went out.
    /// </summary>
    public async Task<List<(DateTimeOffset At, IActivity Reply)>> TickRemindersUntilAsync(DateTimeOffset until)
    {
        var sent = new List<(DateTimeOffset, IActivity)>();
        while (Time.GetUtcNow() < until)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            var count = await Reminders.SendDueAsync(CancellationToken.None);
            var replies = TakeReplies();
            Assert.Equal(count, replies.Count);
            sent.AddRange(replies.Select(r => (Time.GetUtcNow(), r)));
        }

        return sent;
    }

    /// <summary>A TestFlow over the same adapter and bot, for conversations written as a script.</summary>
    public TestFlow Flow() => new(Adapter, (turnContext, cancellationToken) => _services.GetRequiredService<IBot>().OnTurnAsync(turnContext, cancellationToken));

    public Task<List<IActivity>> SayAsync(string text)
    {
        var activity = Adapter.MakeActivity(text);
        return SendAsync(activity);
    }

    /// <summary>An Action.Submit as Teams sends it: a message with Value and no Text.</summary>
    /// <param name="fromMessage">The id of the message whose card was pressed, which Teams sends as replyToId.</param>
    public Task<List<IActivity>> SubmitAsync(JObject value, string? fromMessage = null)
    {
        var activity = Adapter.MakeActivity();
        activity.Text = null;
        activity.Value = value;
        activity.ReplyToId = fromMessage;
        return SendAsync(activity);
    }

    /// <summary>Presses a button of a card (naming the card's message, as Teams does) or of suggested actions by title.</summary>
    public Task<List<IActivity>> ClickAsync(IActivity reply, string title)
    {
        var button = Replies.Buttons(reply).FirstOrDefault(b => b.Title == title)
            ?? throw new InvalidOperationException($"No button '{title}' on: {string.Join(", ", Replies.Buttons(reply).Select(b => b.Title))}");
        return button.SubmitData is { } data ? SubmitAsync(data, reply.Id) : SayAsync(button.ImBackText!);
    }

    public Task<List<IActivity>> JoinAsync()
    {
        var activity = Adapter.MakeActivity();
        activity.Type = ActivityTypes.ConversationUpdate;
        activity.Text = null;
        activity.MembersAdded = [activity.From, activity.Recipient];
        return SendAsync(activity);
    }

    public async Task<List<IActivity>> SendAsync(Activity activity)
    {
        activity.Locale = Locale;
        var bot = _services.GetRequiredService<IBot>();
        await Adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<IActivity>();
        while (Adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        return replies;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class InterruptedSender(IProactiveSender inner, Func<Task> meanwhile) : IProactiveSender
    {
        public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
        {
            await meanwhile();
            await inner.ContinueConversationAsync(reference, callback, cancellationToken);
        }
    }

    private sealed class UniqueActivityIds : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            turnContext.Activity.Id = Guid.NewGuid().ToString("N");
            return next(cancellationToken);
        }
    }
}
