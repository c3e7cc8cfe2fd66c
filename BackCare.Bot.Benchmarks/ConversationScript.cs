namespace BackCare.Bot.Benchmarks;

/// <summary>
/// What every virtual user says, over and over. Written against the current menu (Try a technique,
/// Ask a question, Prevention tips) but it only relies on each turn getting some reply, so it keeps
/// working as the menu's branches grow: every step is either a menu pick, a free-text answer, a
/// global command ("menu", "help", "cancel") or something the menu prompt re-asks about.
/// It ends with "cancel" so the next round's join begins the menu from an empty stack, as a
/// returning user would.
/// </summary>
internal static class ConversationScript
{
    public static IReadOnlyList<ScriptStep> Steps { get; } =
    [
        ScriptStep.Join,
        new("hi"),
        new("Ask a question"),
        new("is foam rolling better than stretching?"),
        new("menu"),
        new("2"),
        new("how often is it okay to crack my back?"),
        new("3"),
        new("Prevention tips"),
        new("Try a technique"),
        new("my back is stiff"),
        new("help"),
        new("cancel"),
    ];
}
