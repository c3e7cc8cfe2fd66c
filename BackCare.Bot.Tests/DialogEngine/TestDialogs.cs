using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Tests.DialogEngine;

/// <summary>Small builders for the dialogs the tests run.</summary>
public static class TestDialogs
{
    public const string RootId = "root";

    /// <summary>A root component holding <paramref name="dialogs"/>; the first is begun.</summary>
    public static ComponentDialog Root(params Dialog[] dialogs) => Component(RootId, dialogs);

    public static ComponentDialog Component(string id, params Dialog[] dialogs)
    {
        var component = new ComponentDialog(id);
        foreach (var dialog in dialogs)
        {
            component.AddDialog(dialog);
        }

        return component;
    }

    public static PromptOptions Ask(string prompt, string? retry = null, params string[] choices) => new()
    {
        Prompt = MessageFactory.Text(prompt),
        RetryPrompt = retry is null ? null : MessageFactory.Text(retry),
        Choices = choices.Length == 0 ? null : ChoiceFactory.ToChoices(choices),
    };

    /// <summary>A step that prompts with <paramref name="promptDialogId"/>.</summary>
    public static WaterfallStep PromptStep(string promptDialogId, string prompt, string? retry = null) =>
        (step, cancellationToken) => step.PromptAsync(promptDialogId, Ask(prompt, retry), cancellationToken);

    /// <summary>A step that sends a message and passes the previous result on unchanged.</summary>
    public static WaterfallStep ReplyStep(Func<WaterfallStepContext, string> text) =>
        async (step, cancellationToken) =>
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(text(step)), cancellationToken);
            return await step.NextAsync(step.Result, cancellationToken);
        };

    public static async Task SayAsync(this DialogContext dc, string text, CancellationToken cancellationToken = default) =>
        await dc.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
}
