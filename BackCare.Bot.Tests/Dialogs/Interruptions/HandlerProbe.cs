using BackCare.Bot.Bots;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using BackCare.Bot.Dialogs.Interruptions;
using BackCare.Bot.State;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Dialogs.Interruptions;

/// <summary>
/// One check run on its own, outside the pipeline: one message in a turn over the harness's adapter, an empty dialog
/// stack (or one waiting prompt), fresh conversation data. A test then sees exactly what that check returned and sent,
/// which a whole conversation cannot show when a later check or the dialog would have answered the same way.
/// </summary>
internal sealed class HandlerProbe : IDisposable
{
    private readonly BotHarness _bot;
    private readonly TurnContext _turn;

    private HandlerProbe(BotHarness bot, Activity activity)
    {
        _bot = bot;
        _turn = new TurnContext(bot.Adapter, activity);

        // What the bot does at the start of every turn: local help tokens are filled in on sending.
        bot.Service<LocalHelpOnSend>().Attach(_turn);
        Dialogs = new DialogContext(new DialogSet(), _turn, new DialogState());
    }

    public DialogContext Dialogs { get; }

    public ConversationData Conversation { get; } = new();

    public List<string> PendingClarification { get; } = [];

    public static HandlerProbe Saying(BotHarness bot, string text) => new(bot, bot.Adapter.MakeActivity(text));

    public static HandlerProbe Submitting(BotHarness bot, JObject value)
    {
        var activity = bot.Adapter.MakeActivity();
        activity.Text = null;
        activity.Value = value;
        return new HandlerProbe(bot, activity);
    }

    /// <summary>Leaves <paramref name="prompt"/> waiting for an answer, as if asked last turn (its question is not kept).</summary>
    public async Task WaitAtAsync(Dialog prompt, PromptOptions options)
    {
        Dialogs.Dialogs.Add(prompt);
        await Dialogs.PromptAsync(prompt.Id, options);
        _bot.TakeReplies();
    }

    /// <summary>Runs the bot's own <typeparamref name="T"/>; the message is read as InterruptionPipeline reads it.</summary>
    public async Task<(InterruptionResult Result, List<IActivity> Sent)> RunAsync<T>()
        where T : IInterruption
    {
        var raw = _turn.Activity.Text?.Trim() ?? string.Empty;
        var context = new InterruptionContext
        {
            Dialogs = Dialogs,
            Conversation = Conversation,
            RawText = raw,
            Text = ChoiceRecognizer.Normalize(raw),
            Submit = raw.Length == 0 ? _turn.Activity.Value as JObject : null,
            PendingClarification = PendingClarification,
        };
        var result = await _bot.Service<T>().TryHandleAsync(context, CancellationToken.None);
        return (result, _bot.TakeReplies());
    }

    public void Dispose() => _turn.Dispose();
}
