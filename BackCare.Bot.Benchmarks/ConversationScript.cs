namespace BackCare.Bot.Benchmarks;

/// <summary>
/// What every virtual user says, over and over: <see cref="Menu"/> (the default) or <see cref="Walkthrough"/>.
/// Each round of a script begins with the user joining a new conversation.
/// </summary>
internal sealed record ConversationScript(string Name, IReadOnlyList<ScriptStep> Steps, bool NewUserEachRound)
{
    /// <summary>
    /// Written against the current menu (Try a technique, Ask a question, Prevention tips) but it only relies on each
    /// turn getting some reply, so it keeps working as the menu's branches grow: every step is either a menu pick, a
    /// free-text answer, a global command ("menu", "help", "cancel") or something the menu prompt re-asks about.
    /// It ends with "cancel" so the next round's join begins the menu from an empty stack, as a returning user would.
    /// </summary>
    public static ConversationScript Menu { get; } = new("menu",
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
    ], NewUserEachRound: false);

    /// <summary>
    /// A new user screened with "no" to every check, then child's pose walked through by typed commands (each shows a
    /// new step card, as in the Emulator): six of its fourteen turns are step cards. A new user each round, since a
    /// screening is remembered for a day and a returning user would not be asked again.
    /// </summary>
    public static ConversationScript Walkthrough { get; } = new("walkthrough",
    [
        ScriptStep.Join,
        new("Try a technique", Expect: "safety check"),
        new("no"),
        new("no"),
        new("about 3 days"),
        new("no", Expect: "Which technique"),
        new("Child's pose", Expect: "Step 1 of 5", IsStepCard: true),
        new("next", Expect: "Step 2 of 5", IsStepCard: true),
        new("next", Expect: "Step 3 of 5", IsStepCard: true),
        new("back", Expect: "Step 2 of 5", IsStepCard: true),
        new("next", Expect: "Step 3 of 5", IsStepCard: true),
        new("next", Expect: "Step 4 of 5", IsStepCard: true),
        new("stop"),
        new("cancel"),
    ], NewUserEachRound: true);

    public static IReadOnlyList<ConversationScript> All { get; } = [Menu, Walkthrough];
}
