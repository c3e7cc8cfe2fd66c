namespace BackCare.Bot.LoadTest;

/// <summary>A scripted conversation that a virtual user runs again and again, each time as a new user.</summary>
internal interface IConversationScript
{
    /// <summary>Runs one conversation to its end, throwing <see cref="ScriptException"/> when the bot strays from the script.</summary>
    Task RunAsync(Conversation conversation, int iteration, CancellationToken cancellationToken);

    /// <summary>Whether a reply says the turn failed (the bot's error messages): such a turn counts as an error.</summary>
    bool IsFailure(Reply reply);
}
