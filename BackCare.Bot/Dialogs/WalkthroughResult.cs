namespace BackCare.Bot.Dialogs;

/// <summary>How a walkthrough ended.</summary>
public enum WalkthroughResult
{
    Completed,
    Stopped,
    Hurt,
}
