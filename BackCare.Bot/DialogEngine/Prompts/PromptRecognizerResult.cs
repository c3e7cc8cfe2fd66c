namespace BackCare.Bot.DialogEngine;

/// <summary>What a prompt made of the user's answer.</summary>
public sealed class PromptRecognizerResult<T>
{
    public bool Succeeded { get; set; }

    public T? Value { get; set; }

    public static PromptRecognizerResult<T> Failed() => new();

    public static PromptRecognizerResult<T> Of(T value) => new() { Succeeded = true, Value = value };
}
