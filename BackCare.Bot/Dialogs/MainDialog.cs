using BackCare.Bot.CardRendering;
using BackCare.Bot.Content;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using BackCare.Bot.Hosting;
using BackCare.Bot.Reminders;
using BackCare.Bot.Routing;
using BackCare.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Dialogs;

/// <summary>
/// The root dialog. Before any inner dialog sees a message it checks, in this order: its length; card
/// buttons that work anywhere (tips, "tell me more", "did you mean", re-screen); "forget me" and
/// "check my answers again"; an emergency reported earlier in the conversation; menu and cancel;
/// answers the waiting question or card understands; then the keyword router, whose emergency
/// decision overrides everything and whose answers are given mid-dialog before returning to where
/// the user was.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    public const string KeywordRouterTraceName = "KeywordRouter";

    private const string MenuId = "menu";
    private const string MenuPromptId = "menuChoice";
    private const string QuestionId = "question";
    private const string QuestionPromptId = "questionText";

    private static readonly HashSet<string> MenuCommands = new(StringComparer.Ordinal) { "menu", "main menu", "help", "start over", "restart", "home", "options" };
    private static readonly HashSet<string> CancelCommands = new(StringComparer.Ordinal) { "cancel", "stop", "quit", "exit", "never mind", "nevermind" };
    private static readonly HashSet<string> ForgetCommands = new(StringComparer.Ordinal) { "forget me", "delete my data", "forget my data", "forget everything", "delete everything" };
    private static readonly HashSet<string> RescreenCommands = new(StringComparer.Ordinal) { "check my answers again", "check again", "rescreen", "re screen", "redo the safety check", "redo screening", "redo the questions", "i answered by mistake" };
    private static readonly HashSet<string> MoreCommands = new(StringComparer.Ordinal) { "tell me more", "more", "more please", "go on, tell me more" };
    private static readonly HashSet<string> GreetingWords = new(StringComparer.Ordinal) { "hi", "hello", "hey", "hiya", "yo", "howdy", "greetings", "morning", "afternoon", "evening", "good", "start", "thanks", "thank" };

    private readonly BackCareReplies _replies;
    private readonly BackCareState _state;
    private readonly KeywordRouter _router;
    private readonly BackCareOptions _options;
    private readonly ReminderConversation _reminders;
    private readonly TimeProvider _time;

    public MainDialog(BackCareReplies replies, BackCareState state, KeywordRouter router, IOptions<BackCareOptions> options, TechniqueDialog technique, ReminderConversation reminders, TimeProvider time)
        : base(nameof(MainDialog))
    {
        _replies = replies;
        _state = state;
        _router = router;
        _options = options.Value;
        _reminders = reminders;
        _time = time;

        AddDialog(new WaterfallDialog(MenuId, [ShowMenuAsync, HandleMenuChoiceAsync]));
        AddDialog(new WaterfallDialog(QuestionId, [AskQuestionAsync, AnswerQuestionAsync]));
        AddDialog(new ChoicePrompt(MenuPromptId));
        AddDialog(new TextPrompt(QuestionPromptId));
        AddDialog(technique);
        InitialDialogId = MenuId;
    }

    private BotMessages Messages => _replies.Messages;

    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken = default)
    {
        if (innerDc.Context.Activity.Type == ActivityTypes.Message)
        {
            var handled = await InterruptAsync(innerDc, cancellationToken).ConfigureAwait(false);
            if (handled is not null)
            {
                return handled;
            }

            var text = ChoiceRecognizer.Normalize(innerDc.Context.Activity.Text ?? string.Empty);
            if (text.Length > 0 && !IsGreeting(text))
            {
                await innerDc.Context.SendActivityAsync(_replies.Text(Messages.Fallback), cancellationToken).ConfigureAwait(false);
            }
        }

        return await innerDc.BeginDialogAsync(MenuId, null, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        if (innerDc.Context.Activity.Type == ActivityTypes.Message)
        {
            var handled = await InterruptAsync(innerDc, cancellationToken).ConfigureAwait(false);
            if (handled is not null)
            {
                return handled;
            }
        }

        return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Handles what works at any point; null leaves the message to the active dialog.</summary>
    private async Task<DialogTurnResult?> InterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var context = innerDc.Context;
        var activity = context.Activity;
        var conversation = await _state.GetConversationAsync(context, cancellationToken).ConfigureAwait(false);
        var pending = conversation.PendingClarification;
        conversation.PendingClarification = [];

        var rawText = activity.Text?.Trim() ?? string.Empty;
        if (rawText.Length > _options.MaxMessageLength)
        {
            await context.SendActivityAsync(_replies.Format(Messages.TooLong, _options.MaxMessageLength), cancellationToken).ConfigureAwait(false);
            return innerDc.ActiveDialog is null ? Done : Dialog.EndOfTurn;
        }

        var text = ChoiceRecognizer.Normalize(rawText);
        var submit = rawText.Length == 0 ? activity.Value as JObject : null;

        if (submit is not null)
        {
            var handled = await HandleSubmitAsync(innerDc, conversation, submit, pending, cancellationToken).ConfigureAwait(false);
            if (handled is not null)
            {
                return handled;
            }
        }

        if (ForgetCommands.Contains(text))
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            await _state.ForgetAsync(context, cancellationToken).ConfigureAwait(false);
            await _reminders.ForgetAsync(context, cancellationToken).ConfigureAwait(false);
            await context.SendActivityAsync(_replies.Text(Messages.ForgetMeDone), cancellationToken).ConfigureAwait(false);
            return Done;
        }

        if (RescreenCommands.Contains(text))
        {
            return await RescreenAsync(innerDc, cancellationToken).ConfigureAwait(false);
        }

        // "stop reminders" works anywhere, even after an emergency answer.
        var reminderCommand = rawText.Length > 0 ? ReminderCommands.Parse(rawText, _time.GetUtcNow().UtcDateTime).Kind : ReminderCommandKind.None;
        if (reminderCommand == ReminderCommandKind.Stop && await _reminders.TryHandleTextAsync(context, rawText, cancellationToken).ConfigureAwait(false))
        {
            return await ReturnToWhereWeWereAsync(innerDc, cancellationToken).ConfigureAwait(false);
        }

        // After an emergency answer nothing else is offered until the user re-screens (or deletes their data).
        // Only the answers of a re-screening in progress get past it.
        if (conversation.EmergencyReported && (innerDc.ActiveDialog?.Id != TechniqueDialog.DialogId || MenuCommands.Contains(text)))
        {
            // The advice first: ending the dialogs may update a card, which can wait on Teams.
            await context.SendActivityAsync(_replies.Urgent(context), cancellationToken).ConfigureAwait(false);
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return Done;
        }

        if (MenuCommands.Contains(text))
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return await innerDc.BeginDialogAsync(MenuId, null, cancellationToken).ConfigureAwait(false);
        }

        // "remind me to move …" is not offered after an emergency answer (above); elsewhere it is taken before the
        // router could read "move" as a technique.
        if (reminderCommand != ReminderCommandKind.None && await _reminders.TryHandleTextAsync(context, rawText, cancellationToken).ConfigureAwait(false))
        {
            return await ReturnToWhereWeWereAsync(innerDc, cancellationToken).ConfigureAwait(false);
        }

        var leaf = innerDc.Leaf;
        // "stop" during a walkthrough is its own Stop button; "cancel" ends everything anywhere.
        var walkthroughStop = leaf.ActiveDialog?.Id == WalkthroughDialog.DialogId && WalkthroughDialog.ParseCommand(text) is not null;
        if (CancelCommands.Contains(text) && !walkthroughStop)
        {
            await context.SendActivityAsync(_replies.Text(Messages.Cancelled), cancellationToken).ConfigureAwait(false);
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return Done;
        }

        if (MoreCommands.Contains(text) && conversation.LastAnswerId is { } lastId && _replies.Knowledge.FindAnswer(lastId) is { More: { } more })
        {
            await context.SendActivityAsync(_replies.Text(more), cancellationToken).ConfigureAwait(false);
            return await ReturnToWhereWeWereAsync(innerDc, cancellationToken).ConfigureAwait(false);
        }

        if (rawText.Length == 0)
        {
            return null;
        }

        if (pending.Count > 0 && PickFromClarification(rawText, pending) is { } picked)
        {
            return await RespondToIntentAsync(innerDc, conversation, picked, cancellationToken).ConfigureAwait(false);
        }

        if (AnswersWaitingDialog(leaf, activity))
        {
            return null;
        }

        var route = _router.Route(rawText);
        await TraceRouteAsync(context, route, cancellationToken).ConfigureAwait(false);

        switch (route.Decision)
        {
            case RoutingDecision.Answer:
                return await RespondToIntentAsync(innerDc, conversation, route.Intent, cancellationToken).ConfigureAwait(false);
            case RoutingDecision.Clarify when route.Alternatives.Take(3).All(a => _replies.Knowledge.FindTechnique(a.Intent) is not null):
                // "my back is stiff": the question is which technique, which screening and the picker will settle.
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                return await innerDc.BeginDialogAsync(TechniqueDialog.DialogId, new TechniqueRequest(), cancellationToken).ConfigureAwait(false);
            case RoutingDecision.Clarify when route.Alternatives.Count >= 2:
                var offered = route.Alternatives.Take(3).Select(a => a.Intent).ToList();
                conversation.PendingClarification = offered;
                var titles = offered.Select(_replies.TitleOf).ToList();
                var question = string.Format(System.Globalization.CultureInfo.InvariantCulture, Messages.ClarifyPrompt, titles[0], titles[1]);
                var choices = ChoiceFactory.ToChoices(titles.Append(Messages.ClarifyNeither));
                await context.SendActivityAsync(ChoiceFactory.ForChannel(activity.ChannelId, choices, question), cancellationToken).ConfigureAwait(false);
                return innerDc.ActiveDialog is null ? Done : Dialog.EndOfTurn;
            default:
                // Out of scope: the waiting dialog re-asks, or at the root the caller gives the fallback.
                return null;
        }
    }

    private async Task<DialogTurnResult?> HandleSubmitAsync(DialogContext innerDc, ConversationData conversation, JObject submit, List<string> pending, CancellationToken cancellationToken)
    {
        var context = innerDc.Context;
        var action = SubmitData.StringOf(submit, "action");
        var id = SubmitData.StringOf(submit, "id");
        switch (action)
        {
            case "tip" when id is not null && _replies.Knowledge.FindTip(id) is { } tip:
                await context.SendActivityAsync(_replies.TipDetail(tip), cancellationToken).ConfigureAwait(false);
                return await ReturnToWhereWeWereAsync(innerDc, cancellationToken).ConfigureAwait(false);
            case "more" when id is not null && _replies.Knowledge.FindAnswer(id) is { } answer:
                await context.SendActivityAsync(_replies.Text(answer.More ?? answer.Text), cancellationToken).ConfigureAwait(false);
                return await ReturnToWhereWeWereAsync(innerDc, cancellationToken).ConfigureAwait(false);
            case "rescreen":
                return await RescreenAsync(innerDc, cancellationToken).ConfigureAwait(false);
            case ReminderConversation.ActionDone or ReminderConversation.ActionSnooze or ReminderConversation.ActionStop:
                // The reminder card arrives outside any dialog: its buttons work whatever the user is doing.
                await _reminders.TryHandleButtonAsync(context, action, cancellationToken).ConfigureAwait(false);
                return await ReturnToWhereWeWereAsync(innerDc, cancellationToken).ConfigureAwait(false);
        }

        if (pending.Count > 0 && SubmitData.StringOf(submit, ChoiceFactory.SubmitChoiceKey) is { } choice && PickFromClarification(choice, pending) is { } picked)
        {
            return await RespondToIntentAsync(innerDc, conversation, picked, cancellationToken).ConfigureAwait(false);
        }

        var leaf = innerDc.Leaf;
        if (leaf.ActiveDialog is null || (WalkthroughDialog.SubmittedAction(context.Activity) is { } stepAction && leaf.ActiveDialog.Id != WalkthroughDialog.DialogId))
        {
            // A button from a card that is no longer in play. "This hurts" is still taken seriously.
            var hurts = WalkthroughDialog.SubmittedAction(context.Activity) == BackCareReplies.ActionHurts;
            await context.SendActivityAsync(_replies.Text(hurts ? Messages.HurtsStop : Messages.StaleCard), cancellationToken).ConfigureAwait(false);
            if (innerDc.ActiveDialog is null)
            {
                return Done;
            }

            await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return Dialog.EndOfTurn;
        }

        return null;
    }

    /// <summary>Whether the waiting question or card understands the message as its answer (so it is not routed).</summary>
    private static bool AnswersWaitingDialog(DialogContext leaf, Activity activity)
    {
        var instance = leaf.ActiveDialog;
        return leaf.FindDialog(instance?.Id ?? string.Empty) switch
        {
            WalkthroughDialog => WalkthroughDialog.IsCommand(activity),
            ConfirmPrompt => ConfirmPrompt.RecognizeYesNo(activity.Text) is not null,
            ChoicePrompt => ChoiceRecognizer.Recognize(activity.Text, Prompt<FoundChoice>.OptionsOf(instance!).Choices ?? []) is not null,
            _ => false,
        };
    }

    /// <summary>"hi", "hello again", "good morning": a short message that opens with a greeting gets the menu, not the fallback.</summary>
    private static bool IsGreeting(string normalized)
    {
        var words = normalized.Split(' ');
        return words.Length <= 4 && GreetingWords.Contains(words[0]);
    }

    private string? PickFromClarification(string answer, List<string> pending)
    {
        var choices = pending.Select(intent => new Choice(_replies.TitleOf(intent))).ToList();
        var found = ChoiceRecognizer.Recognize(answer, choices);
        return found is null ? null : pending[found.Index];
    }

    private async Task<DialogTurnResult> RespondToIntentAsync(DialogContext innerDc, ConversationData conversation, string intent, CancellationToken cancellationToken)
    {
        var context = innerDc.Context;
        if (intent == "urgent")
        {
            // Flag and advice before anything that talks to the channel or storage again (closing a step card,
            // ending reminders), so nothing slow or failing there can delay or lose them.
            conversation.EmergencyReported = true;
            await context.SendActivityAsync(_replies.Urgent(context), cancellationToken).ConfigureAwait(false);
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            await _reminders.StopForEmergencyAsync(context, cancellationToken).ConfigureAwait(false);
            return Done;
        }

        if (_replies.Knowledge.FindTechnique(intent) is { } technique)
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return await innerDc.BeginDialogAsync(TechniqueDialog.DialogId, new TechniqueRequest { TechniqueId = technique.Id }, cancellationToken).ConfigureAwait(false);
        }

        // An answer given at the menu or to "what would you like to know?" is what those prompts were for: they end.
        if (innerDc.ActiveDialog?.Id is MenuPromptId or QuestionPromptId)
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_replies.Knowledge.FindAnswer(intent) is { } answer)
        {
            conversation.LastAnswerId = answer.Id;
            await context.SendActivityAsync(_replies.Answer(context, answer), cancellationToken).ConfigureAwait(false);
        }
        else if (_replies.Knowledge.FindTip(intent) is { } tip)
        {
            await context.SendActivityAsync(_replies.TipDetail(tip), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await context.SendActivityAsync(_replies.Text(Messages.Fallback), cancellationToken).ConfigureAwait(false);
        }

        return await ReturnToWhereWeWereAsync(innerDc, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After an aside (an answer, a tip), shows again what the user was on, or ends at the root.</summary>
    private async Task<DialogTurnResult> ReturnToWhereWeWereAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        if (innerDc.ActiveDialog is null)
        {
            return Done;
        }

        await innerDc.Context.SendActivityAsync(_replies.Text(Messages.ResumePrompt), cancellationToken).ConfigureAwait(false);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return Dialog.EndOfTurn;
    }

    private async Task<DialogTurnResult> RescreenAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return await innerDc.BeginDialogAsync(TechniqueDialog.DialogId, new TechniqueRequest { Rescreen = true }, cancellationToken).ConfigureAwait(false);
    }

    private static Task TraceRouteAsync(ITurnContext context, RoutingResult route, CancellationToken cancellationToken)
    {
        var value = new JObject
        {
            ["text"] = route.Text,
            ["intent"] = route.Intent,
            ["score"] = route.Score,
            ["alternatives"] = new JArray(route.Alternatives.Select(a => new JObject { ["intent"] = a.Intent, ["score"] = a.Score })),
        };
        return context.TraceActivityAsync(KeywordRouterTraceName, value, "https://backcare.bot/schemas/KeywordRouter", "Keyword routing", cancellationToken);
    }

    private Task<DialogTurnResult> ShowMenuAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync(MenuPromptId, new PromptOptions
        {
            Prompt = (Activity)_replies.Text(Messages.MenuPrompt),
            Choices = ChoiceFactory.ToChoices([Messages.MenuTechniques, Messages.MenuQuestion, Messages.MenuTips]),
        }, cancellationToken);

    private async Task<DialogTurnResult> HandleMenuChoiceAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        switch ((step.Result as FoundChoice)?.Index)
        {
            case 0:
                return await step.ReplaceDialogAsync(TechniqueDialog.DialogId, new TechniqueRequest(), cancellationToken).ConfigureAwait(false);
            case 1:
                return await step.ReplaceDialogAsync(QuestionId, null, cancellationToken).ConfigureAwait(false);
            case 2:
                await step.Context.SendActivityAsync(_replies.Tips(step.Context), cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            default:
                // The prompt gave up after unclear answers and said so.
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<DialogTurnResult> AskQuestionAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync(QuestionPromptId, new PromptOptions { Prompt = (Activity)_replies.Text(Messages.AskQuestionPrompt) }, cancellationToken);

    /// <summary>A question reaches this step only when the router had no confident answer for it (those are answered in <see cref="InterruptAsync"/>).</summary>
    private async Task<DialogTurnResult> AnswerQuestionAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Context.SendActivityAsync(_replies.Text(Messages.Fallback), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static DialogTurnResult Done => new(DialogTurnStatus.Complete);
}
