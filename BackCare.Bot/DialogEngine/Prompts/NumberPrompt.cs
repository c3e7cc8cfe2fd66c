using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace BackCare.Bot.DialogEngine;

/// <summary>
/// Asks for a number and understands digits and words ("seven", "two and a half") through
/// Microsoft.Recognizers.Text.Number. T is int, long, float, double or decimal. A card submit
/// answers with a <c>number</c> property.
/// </summary>
public sealed class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null, string culture = Culture.English) : Prompt<T>(dialogId, validator)
    where T : struct
{
    public const string SubmitNumberKey = "number";

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default) =>
        SendPromptAsync(turnContext, options, isRetry, cancellationToken);

    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        var text = turnContext.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            text = SubmittedString(turnContext, SubmitNumberKey);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.FromResult(new PromptRecognizerResult<T>());
        }

        foreach (var result in NumberRecognizer.RecognizeNumber(text, culture))
        {
            var raw = result.Resolution?.GetValueOrDefault("value")?.ToString();
            if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && TryConvert(number, out var value))
            {
                return Task.FromResult(new PromptRecognizerResult<T> { Succeeded = true, Value = value });
            }
        }

        return Task.FromResult(new PromptRecognizerResult<T>());
    }

    private static bool TryConvert(decimal number, out T value)
    {
        value = default;
        var target = typeof(T);
        if ((target == typeof(int) || target == typeof(long)) && number != decimal.Truncate(number))
        {
            return false;
        }

        try
        {
            value = (T)Convert.ChangeType(number, target, CultureInfo.InvariantCulture);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
