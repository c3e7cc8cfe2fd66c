using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.DialogEngine;

/// <summary>
/// Base of the prompts: asks, recognizes the answer, validates it, re-asks with the retry prompt
/// (only when nothing else was sent this turn), and gives up after a number of attempts.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    public const int DefaultMaxAttempts = 3;

    private const string StateKey = "state";
    private const string AttemptCountKey = "attemptCount";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        _validator = validator;
    }

    /// <summary>How many unusable answers before the prompt gives up, unless the options say otherwise.</summary>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var promptOptions = StateValue.To<PromptOptions>(options)
            ?? throw new ArgumentException($"Prompt '{Id}' needs PromptOptions.", nameof(options));
        promptOptions.Choices ??= [];

        var instance = dc.ActiveDialog!;
        instance.State[PromptOptions.StateKey] = promptOptions;
        var state = new Dictionary<string, object?> { [AttemptCountKey] = 0 };
        instance.State[StateKey] = state;

        await OnPromptAsync(dc.Context, state, promptOptions, isRetry: false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        // Only messages answer a prompt; a card submit is a message with Value and no Text.
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var instance = dc.ActiveDialog!;
        var options = PromptOptions.SavedIn(instance);
        var state = StateValue.GetOrCreate<Dictionary<string, object?>>(instance.State, StateKey);
        var attempts = state.GetValue(AttemptCountKey, 0) + 1;
        state[AttemptCountKey] = attempts;

        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken).ConfigureAwait(false);
        var isValid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, state, options, attempts), cancellationToken).ConfigureAwait(false);

        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        if (attempts >= (options.MaxAttempts ?? MaxAttempts))
        {
            var giveUp = options.TooManyAttemptsMessage
                ?? (Activity)MessageFactory.Text("Let's leave that question for now. Say \"menu\" to see what I can help with.");
            await dc.Context.SendActivityAsync(giveUp, cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, state, options, isRetry: true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        // A dialog pushed on top of the prompt has ended: ask again rather than take its result as the answer.
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var options = PromptOptions.SavedIn(instance);
        var state = StateValue.GetOrCreate<Dictionary<string, object?>>(instance.State, StateKey);
        await OnPromptAsync(turnContext, state, options, isRetry: false, cancellationToken).ConfigureAwait(false);
    }

    protected abstract Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default);

    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken = default);

    /// <summary>Sends the prompt or, on a retry, the retry prompt; for prompts whose question is plain text.</summary>
    protected static async Task SendPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        if (PromptFor(options, isRetry) is { } prompt)
        {
            await turnContext.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The prompt or, on a retry, the retry prompt when there is one.</summary>
    protected static Activity? PromptFor(PromptOptions options, bool isRetry) =>
        isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;

    /// <summary>A string property of a card submit's data (Activity.Value), if the submit has it.</summary>
    protected static string? SubmittedString(ITurnContext turnContext, string key)
    {
        var value = turnContext.Activity.Value switch
        {
            null => null,
            JObject jObject => jObject,
            string s => TryParseObject(s),
            var other => JToken.FromObject(other) as JObject,
        };

        var token = value?.GetValue(key, StringComparison.OrdinalIgnoreCase);
        return token is null || token.Type is JTokenType.Null or JTokenType.Object or JTokenType.Array ? null : token.ToString();
    }

    private static JObject? TryParseObject(string text)
    {
        try
        {
            return JToken.Parse(text) as JObject;
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }
}
