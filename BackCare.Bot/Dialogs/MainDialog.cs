using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Dialogs;

/// <summary>
/// The root dialog: the menu, and the commands that work at any point ("menu", "help", "start over",
/// "cancel"). The three branches are placeholders until the back-care conversation lands (issue 3);
/// each says so plainly.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    public const string MenuPrompt = "What would you like to do?";
    public const string Techniques = "Try a technique";
    public const string AskQuestion = "Ask a question";
    public const string PreventionTips = "Prevention tips";

    public const string TechniquesPlaceholder =
        "Guided techniques aren't ready yet: the safety check and step-by-step cards are still being built. Until then, please don't try to crack your back without advice.";
    public const string QuestionPlaceholder =
        "I can't answer questions yet: that part is still being built. For pain that worries you, please talk to a doctor or physiotherapist.";
    public const string TipsPlaceholder =
        "Prevention tips aren't ready yet: they're still being written.";
    public const string CancelledText = "Okay, I've stopped. Say \"menu\" whenever you want to carry on.";

    private static readonly HashSet<string> MenuCommands = new(StringComparer.Ordinal) { "menu", "main menu", "help", "start over", "restart", "home" };
    private static readonly HashSet<string> CancelCommands = new(StringComparer.Ordinal) { "cancel", "stop", "quit", "exit", "never mind", "nevermind" };

    private const string MenuDialogId = "menu";
    private const string ChoicePromptId = "menuChoice";
    private const string QuestionPromptId = "question";

    public MainDialog()
        : base(nameof(MainDialog))
    {
        AddDialog(new WaterfallDialog(MenuDialogId, [ShowMenuAsync, HandleChoiceAsync, AfterQuestionAsync]));
        AddDialog(new ChoicePrompt(ChoicePromptId));
        AddDialog(new TextPrompt(QuestionPromptId));
        InitialDialogId = MenuDialogId;
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        // Null-safe: a card submit has no text.
        var text = ChoiceRecognizer.Normalize(innerDc.Context.Activity.Text ?? string.Empty);
        if (MenuCommands.Contains(text))
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return await innerDc.BeginDialogAsync(MenuDialogId, null, cancellationToken).ConfigureAwait(false);
        }

        if (CancelCommands.Contains(text))
        {
            await innerDc.Context.SendActivityAsync(MessageFactory.Text(CancelledText), cancellationToken).ConfigureAwait(false);
            return await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
    }

    private static Task<DialogTurnResult> ShowMenuAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync(ChoicePromptId, new PromptOptions
        {
            Prompt = MessageFactory.Text(MenuPrompt),
            RetryPrompt = MessageFactory.Text($"Please pick one: {Techniques}, {AskQuestion} or {PreventionTips}."),
            Choices = ChoiceFactory.ToChoices([Techniques, AskQuestion, PreventionTips]),
        }, cancellationToken);

    private static async Task<DialogTurnResult> HandleChoiceAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        switch ((step.Result as FoundChoice)?.Value)
        {
            case Techniques:
                await step.Context.SendActivityAsync(MessageFactory.Text(TechniquesPlaceholder), cancellationToken).ConfigureAwait(false);
                return await step.ReplaceDialogAsync(MenuDialogId, null, cancellationToken).ConfigureAwait(false);
            case AskQuestion:
                return await step.PromptAsync(QuestionPromptId, new PromptOptions { Prompt = MessageFactory.Text("What would you like to know?") }, cancellationToken).ConfigureAwait(false);
            case PreventionTips:
                await step.Context.SendActivityAsync(MessageFactory.Text(TipsPlaceholder), cancellationToken).ConfigureAwait(false);
                return await step.ReplaceDialogAsync(MenuDialogId, null, cancellationToken).ConfigureAwait(false);
            default:
                // The prompt gave up after several unclear answers and said so: end quietly; the next message shows the menu.
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<DialogTurnResult> AfterQuestionAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Context.SendActivityAsync(MessageFactory.Text(QuestionPlaceholder), cancellationToken).ConfigureAwait(false);
        return await step.ReplaceDialogAsync(MenuDialogId, null, cancellationToken).ConfigureAwait(false);
    }
}
