using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.DialogEngine;

/// <summary>
/// Runs a root dialog the way the bot does: the SDK's TestAdapter delivers each activity,
/// <see cref="DialogExtensions.RunAsync"/> runs the dialog, and ConversationState is saved to
/// <see cref="Storage"/> at the end of every turn.
/// </summary>
/// <remarks>
/// TestAdapter (4.23.1) overwrites every incoming activity's id with its own counter, which restarts
/// at "0" for each new adapter. RunAsync ignores an activity id it has already seen in the
/// conversation, so a second adapter over the same storage would have its first turns dropped. A
/// middleware therefore rewrites the id before the bot sees it: to the id given to
/// <see cref="Message"/> / <see cref="Submit"/> when there is one, else to the adapter's number
/// prefixed with an id unique to this harness.
/// </remarks>
public sealed class DialogTestHarness
{
    public const string DialogStatePropertyName = "DialogState";

    private const string ExplicitIdProperty = "harnessActivityId";

    public DialogTestHarness(Dialog? rootDialog = null, IStorage? storage = null, string channelId = "test", string conversationId = "convo1")
    {
        RootDialog = rootDialog;
        Storage = storage ?? new MemoryStorage();
        ChannelId = channelId;
        var reference = TestAdapter.CreateConversation(conversationId);
        reference.ChannelId = channelId;
        // Trace activities are kept (TestAdapter drops them by default), so that "nothing was sent"
        // really means nothing.
        Adapter = new TestAdapter(reference, sendTraceActivity: true);
        Adapter.Use(new ActivityIdMiddleware(Guid.NewGuid().ToString("n"), DeliveredActivityIds));
        ConversationState = new ConversationState(Storage);
        DialogStateAccessor = ConversationState.CreateProperty<DialogState>(DialogStatePropertyName);
    }

    public Dialog? RootDialog { get; }

    public IStorage Storage { get; }

    public string ChannelId { get; }

    public TestAdapter Adapter { get; }

    public ConversationState ConversationState { get; }

    public IStatePropertyAccessor<DialogState> DialogStateAccessor { get; }

    /// <summary>What RunAsync returned, one entry per turn.</summary>
    public List<DialogTurnResult> TurnResults { get; } = [];

    /// <summary>The activity ids the bot saw, one entry per turn.</summary>
    public List<string> DeliveredActivityIds { get; } = [];

    /// <summary>A flow whose every turn runs the root dialog through RunAsync and then saves state.</summary>
    public TestFlow Flow() => new(Adapter, RunRootAsync);

    /// <summary>
    /// A flow whose every turn runs <paramref name="turn"/> (for tests that call DialogSet and
    /// DialogContext themselves, with <see cref="DialogStateAccessor"/>), then saves state.
    /// </summary>
    public TestFlow Flow(Func<ITurnContext, CancellationToken, Task> turn) =>
        new(Adapter, async (turnContext, cancellationToken) =>
        {
            await turn(turnContext, cancellationToken);
            await ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        });

    /// <summary>
    /// A user message; <paramref name="id"/> is the activity id the bot will see. An object
    /// <paramref name="value"/> becomes a JObject, as a channel's JSON does; strings stay strings.
    /// </summary>
    public static Activity Message(string? text, object? value = null, string? id = null)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            Value = value is null or JToken or string ? value : JObject.FromObject(value),
        };
        if (id is not null)
        {
            activity.Properties = new JObject { [ExplicitIdProperty] = id };
        }

        return activity;
    }

    /// <summary>An Action.Submit from a card: Value only, no Text (what Teams sends).</summary>
    public static Activity Submit(object value, string? id = null) => Message(null, value, id);

    /// <summary>Reads the saved dialog state through a new ConversationState over the same storage.</summary>
    public async Task<DialogState> ReadSavedDialogStateAsync()
    {
        var state = new ConversationState(Storage);
        var accessor = state.CreateProperty<DialogState>(DialogStatePropertyName);
        var activity = Adapter.MakeActivity();
        activity.ChannelId = ChannelId;
        using var context = new TurnContext(Adapter, activity);
        return await accessor.GetAsync(context, () => new DialogState());
    }

    /// <summary>Fails when the bot sent anything not yet consumed by an AssertReply.</summary>
    public void AssertNoPendingReplies()
    {
        var pending = Adapter.ActiveQueue.Select(a => a.Text ?? $"<{a.Type} without text>").ToList();
        Assert.True(pending.Count == 0, "Unexpected replies: " + string.Join(" | ", pending));
    }

    /// <summary>Takes every reply the bot has sent and not yet consumed.</summary>
    public List<Activity> DrainReplies()
    {
        var replies = new List<Activity>();
        while (Adapter.ActiveQueue.Count > 0)
        {
            replies.Add(Adapter.ActiveQueue.Dequeue());
        }

        return replies;
    }

    private async Task RunRootAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var root = RootDialog ?? throw new InvalidOperationException("This harness was created without a root dialog.");
        var result = await root.RunAsync(turnContext, DialogStateAccessor, cancellationToken);
        TurnResults.Add(result);
        await ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    private sealed class ActivityIdMiddleware(string prefix, List<string> delivered) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            var activity = turnContext.Activity;
            var explicitId = activity.Properties?[ExplicitIdProperty]?.ToString();
            activity.Id = explicitId ?? $"{prefix}-{activity.Id}";
            delivered.Add(activity.Id);
            return next(cancellationToken);
        }
    }
}
