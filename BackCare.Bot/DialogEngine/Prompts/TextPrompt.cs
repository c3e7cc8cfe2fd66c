using Microsoft.Bot.Builder;

namespace BackCare.Bot.DialogEngine;

/// <summary>Asks for free text. A card submit answers it with a <c>text</c> property.</summary>
public sealed class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    public const string SubmitTextKey = "text";

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default) =>
        SendPromptAsync(turnContext, options, isRetry, cancellationToken);

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        var text = turnContext.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            text = SubmittedString(turnContext, SubmitTextKey);
        }

        return Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? new PromptRecognizerResult<string>()
            : new PromptRecognizerResult<string> { Succeeded = true, Value = text.Trim() });
    }
}
