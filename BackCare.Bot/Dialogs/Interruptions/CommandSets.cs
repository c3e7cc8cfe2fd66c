namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>The typed commands that work anywhere, normalised as <see cref="DialogEngine.Choices.ChoiceRecognizer.Normalize"/> leaves them.</summary>
public static class CommandSets
{
    public static readonly IReadOnlySet<string> Menu = new HashSet<string>(StringComparer.Ordinal) { "menu", "main menu", "help", "start over", "restart", "home", "options" };

    public static readonly IReadOnlySet<string> Cancel = new HashSet<string>(StringComparer.Ordinal) { "cancel", "stop", "quit", "exit", "never mind", "nevermind" };

    public static readonly IReadOnlySet<string> More = new HashSet<string>(StringComparer.Ordinal) { "tell me more", "more", "more please", "go on, tell me more" };
}
