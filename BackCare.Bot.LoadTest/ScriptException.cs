namespace BackCare.Bot.LoadTest;

/// <summary>The bot answered something the script cannot go on from: counted as an error, and the user starts a new conversation.</summary>
internal sealed class ScriptException(string message) : Exception(message);
