using BackCare.Bot.DialogEngine;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>What one check did with a message.</summary>
public sealed class InterruptionResult
{
    private InterruptionResult(DialogTurnResult? turn, bool stops)
    {
        Turn = turn;
        Stops = stops;
    }

    /// <summary>Not this check's business: the next one looks.</summary>
    public static InterruptionResult Pass { get; } = new(null, stops: false);

    /// <summary>The waiting dialog's answer: no later check may take it.</summary>
    public static InterruptionResult LeaveToDialog { get; } = new(null, stops: true);

    /// <summary>The check answered; the turn ends with <paramref name="turn"/>.</summary>
    public static InterruptionResult Handled(DialogTurnResult turn) => new(turn, stops: true);

    public DialogTurnResult? Turn { get; }

    public bool Stops { get; }
}
