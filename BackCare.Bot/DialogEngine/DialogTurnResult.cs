namespace BackCare.Bot.DialogEngine;

/// <summary>What a dialog call returned: the stack's status and, on completion, the result.</summary>
public sealed class DialogTurnResult(DialogTurnStatus status, object? result = null)
{
    public DialogTurnStatus Status { get; } = status;

    public object? Result { get; } = result;
}
