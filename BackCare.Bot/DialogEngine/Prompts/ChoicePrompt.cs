using BackCare.Bot.DialogEngine.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.DialogEngine;

/// <summary>
/// Asks the user to pick one of <see cref="PromptOptions.Choices"/>: by title, number, ordinal or a
/// card button (submit data <c>{"choice": value}</c>). Returns a <see cref="FoundChoice"/>.
/// </summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    /// <summary>Used when neither the options nor the prompt give a style.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        var prompt = PromptFor(options, isRetry);
        var message = ChoiceFactory.ForChannel(turnContext.Activity.ChannelId, options.Choices ?? [], prompt?.Text, options.Style ?? Style);
        CopyExtras(prompt, message);
        await turnContext.SendActivityAsync(message, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        var choices = options.Choices ?? [];
        var answer = string.IsNullOrWhiteSpace(turnContext.Activity.Text)
            ? SubmittedString(turnContext, ChoiceFactory.SubmitChoiceKey)
            : turnContext.Activity.Text;

        var found = ChoiceRecognizer.Recognize(answer, choices);
        return Task.FromResult(found is null ? new PromptRecognizerResult<FoundChoice>() : new PromptRecognizerResult<FoundChoice> { Succeeded = true, Value = found });
    }

    /// <summary>Keeps what the caller put on the prompt activity besides its text (speech, attachments).</summary>
    internal static void CopyExtras(Activity? prompt, IMessageActivity message)
    {
        if (prompt is null)
        {
            return;
        }

        message.Speak ??= prompt.Speak;
        message.InputHint ??= prompt.InputHint;
        foreach (var attachment in prompt.Attachments ?? [])
        {
            message.Attachments.Insert(0, attachment);
        }
    }
}
