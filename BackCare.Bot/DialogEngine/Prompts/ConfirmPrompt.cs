using System.Text.RegularExpressions;
using BackCare.Bot.DialogEngine.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Recognizers.Definitions.English;

namespace BackCare.Bot.DialogEngine;

/// <summary>
/// Asks a yes/no question with Yes and No buttons. Understands typed English ("yep", "nah",
/// "no thanks", "👍", a longer answer opened by one: "nah, legs are fine"), the buttons, and a card submit whose data has <c>confirm</c> (true/false or
/// yes/no) or <c>choice</c>. Returns a bool.
/// </summary>
public sealed partial class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    public const string SubmitConfirmKey = "confirm";

    // The Recognizers' yes/no patterns (Microsoft.Recognizers.Text.Choice is not served, its
    // definitions are), plus the short forms people type in chat.
    private static readonly Regex RecognizersYes = new(ChoiceDefinitions.TrueRegex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex RecognizersNo = new(ChoiceDefinitions.FalseRegex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>The button titles, yes first.</summary>
    public (string Yes, string No) ConfirmChoices { get; set; } = ("Yes", "No");

    /// <summary>Reads a yes or no from free text; null when the text says neither or both.</summary>
    public static bool? RecognizeYesNo(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = ChoiceRecognizer.Normalize(text);
        var yes = RecognizersYes.IsMatch(text) || ExtraYes().IsMatch(normalized);
        var no = RecognizersNo.IsMatch(text) || ExtraNo().IsMatch(normalized);

        // "not sure", "no idea": neither.
        if (Unsure().IsMatch(normalized))
        {
            return null;
        }

        if (yes != no)
        {
            return yes;
        }

        // "nah my legs are fine", "nope, I'm ok": a plain yes or no word opening a longer answer is the answer, the
        // rest only says more ("fine" and "ok" there describe, they do not answer); "yes and no" stays unclear.
        if (OpeningNo().IsMatch(normalized))
        {
            return false;
        }

        return OpeningYes().IsMatch(normalized) ? true : null;
    }

    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        var prompt = PromptFor(options, isRetry);
        var choices = options.Choices is { Count: > 0 } given ? given : ChoiceFactory.ToChoices([ConfirmChoices.Yes, ConfirmChoices.No]);
        var message = ChoiceFactory.ForChannel(turnContext.Activity.ChannelId, choices, prompt?.Text, options.Style ?? Style);
        ChoicePrompt.CopyExtras(prompt, message);
        await turnContext.SendActivityAsync(message, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        var text = turnContext.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            text = SubmittedString(turnContext, SubmitConfirmKey) ?? SubmittedString(turnContext, ChoiceFactory.SubmitChoiceKey);
        }

        var answer = RecognizeYesNo(text) ?? ByButtonTitle(text, options);
        return Task.FromResult(answer is bool value ? new PromptRecognizerResult<bool> { Succeeded = true, Value = value } : new PromptRecognizerResult<bool>());
    }

    /// <summary>Custom button titles ("Yes, go on" / "Not now") and "1"/"2" pick by position: first is yes.</summary>
    private bool? ByButtonTitle(string? text, PromptOptions options)
    {
        var choices = options.Choices is { Count: > 0 } given ? given : ChoiceFactory.ToChoices([ConfirmChoices.Yes, ConfirmChoices.No]);
        var found = ChoiceRecognizer.Recognize(text, choices);
        return found is null ? null : found.Index == 0;
    }

    [GeneratedRegex(@"^(y|ya|yah|yea|yess+|yas|aye|sure thing|of course|certainly|definitely|absolutely|correct|right|that's right|thats right|i do|i am|i have|i did|go ahead|please do|yes please|affirmative|ok|okay|k|alright|fine|true)$")]
    private static partial Regex ExtraYes();

    [GeneratedRegex(@"^(n|nah|naw|nay|no+|no thanks|no thank you|not really|not at all|never|nothing|none|negative|i don't|i dont|i do not|i haven't|i havent|i have not|i'm not|im not|i am not|don't|dont|not now|false)$")]
    private static partial Regex ExtraNo();

    [GeneratedRegex(@"^(no+|nope|nah+|naw|nay|not really|not at all|negative)\b(?!.*\b(yes|yeah|yep|yup|yea|aye)\b)")]
    private static partial Regex OpeningNo();

    [GeneratedRegex(@"^(yes+|yeah|yep|yup|yea|ya|yah|aye)\b(?!.*\b(no|nope|nah|naw|nay|not)\b)")]
    private static partial Regex OpeningYes();

    [GeneratedRegex(@"\b(not (really |totally |entirely |quite |too )?sure|unsure|don't know|dont know|no idea|maybe|perhaps)\b")]
    private static partial Regex Unsure();
}
