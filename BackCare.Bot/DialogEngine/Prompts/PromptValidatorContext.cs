using Microsoft.Bot.Builder;

namespace BackCare.Bot.DialogEngine;

/// <summary>What a prompt validator sees.</summary>
public sealed class PromptValidatorContext<T>(ITurnContext context, PromptRecognizerResult<T> recognized, IDictionary<string, object?> state, PromptOptions options, int attemptCount)
{
    public ITurnContext Context { get; } = context;

    public PromptRecognizerResult<T> Recognized { get; } = recognized;

    public IDictionary<string, object?> State { get; } = state;

    public PromptOptions Options { get; } = options;

    /// <summary>How many answers were given, this one included.</summary>
    public int AttemptCount { get; } = attemptCount;
}
