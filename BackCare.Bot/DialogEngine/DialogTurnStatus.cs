namespace BackCare.Bot.DialogEngine;

/// <summary>The state of the dialog stack after a turn, as in Microsoft.Bot.Builder.Dialogs.</summary>
public enum DialogTurnStatus
{
    /// <summary>Nothing is on the stack.</summary>
    Empty,

    /// <summary>The active dialog is waiting for the user's next message.</summary>
    Waiting,

    /// <summary>The dialog ended this turn and returned a result.</summary>
    Complete,

    /// <summary>The stack was cancelled this turn.</summary>
    Cancelled,
}
