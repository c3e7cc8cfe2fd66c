using BackCare.Bot.DialogEngine.Choices;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.DialogEngine;

/// <summary>What a prompt asks, and how. Saved with the dialog state, so keep it plain data.</summary>
public sealed class PromptOptions
{
    /// <summary>Where a prompt keeps its options in its stack entry's state.</summary>
    internal const string StateKey = "options";

    public Activity? Prompt { get; set; }

    /// <summary>Sent instead of <see cref="Prompt"/> after an answer the prompt could not use.</summary>
    public Activity? RetryPrompt { get; set; }

    public IList<Choice>? Choices { get; set; }

    public ListStyle? Style { get; set; }

    /// <summary>Extra data for a custom validator.</summary>
    public object? Validations { get; set; }

    /// <summary>
    /// How many unusable answers the prompt takes before giving up; null takes the prompt's
    /// <see cref="Prompt{T}.MaxAttempts"/>. On giving up the prompt sends
    /// <see cref="TooManyAttemptsMessage"/> and ends with a null result, which the calling step must handle.
    /// </summary>
    public int? MaxAttempts { get; set; }

    public Activity? TooManyAttemptsMessage { get; set; }

    /// <summary>The options a waiting prompt was begun with, read from its stack entry.</summary>
    public static PromptOptions SavedIn(DialogInstance instance) =>
        StateValue.GetOrCreate<PromptOptions>(instance.State, StateKey);
}
