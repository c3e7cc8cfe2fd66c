namespace BackCare.Bot.DialogEngine;

/// <summary>What a prompt made of the user's answer; <see cref="Succeeded"/> false when it could not use it.</summary>
public sealed class PromptRecognizerResult<T>
{
    public bool Succeeded { get; set; }

    public T? Value { get; set; }
}
