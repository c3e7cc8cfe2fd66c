using BackCare.Bot.CardRendering;
using BackCare.Bot.Content;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using BackCare.Bot.Dialogs.Interruptions;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Dialogs;

/// <summary>
/// The root dialog: the menu and "ask a question", with the technique dialog below it. Before any inner dialog
/// sees a message, the <see cref="InterruptionPipeline"/> runs its checks in order (the safety net first); what
/// none of them takes goes to the waiting dialog, and at the root to the honest fallback.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    public const string KeywordRouterTraceName = ConversationMoves.KeywordRouterTraceName;

    internal const string MenuId = "menu";
    internal const string MenuPromptId = "menuChoice";
    internal const string QuestionPromptId = "questionText";
    internal const string QuestionId = "question";
    private static readonly HashSet<string> GreetingWords = new(StringComparer.Ordinal) { "hi", "hello", "hey", "hiya", "yo", "howdy", "greetings", "morning", "afternoon", "evening", "good", "start", "thanks", "thank" };

    private readonly BackCareReplies _replies;
    private readonly InterruptionPipeline _interruptions;

    public MainDialog(BackCareReplies replies, InterruptionPipeline interruptions, TechniqueDialog technique)
        : base(nameof(MainDialog))
    {
        _replies = replies;
        _interruptions = interruptions;

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
            var handled = await _interruptions.RunAsync(innerDc, cancellationToken).ConfigureAwait(false);
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
            var handled = await _interruptions.RunAsync(innerDc, cancellationToken).ConfigureAwait(false);
            if (handled is not null)
            {
                return handled;
            }
        }

        return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"hi", "hello again", "good morning": a short message that opens with a greeting gets the menu, not the fallback.</summary>
    private static bool IsGreeting(string normalized)
    {
        var words = normalized.Split(' ');
        return words.Length <= 4 && GreetingWords.Contains(words[0]);
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

    /// <summary>A question reaches this step only when the router had no confident answer for it (those are answered by the interruption pipeline's <see cref="Interruptions.RoutedMessage"/>).</summary>
    private async Task<DialogTurnResult> AnswerQuestionAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Context.SendActivityAsync(_replies.Text(Messages.Fallback), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

}
