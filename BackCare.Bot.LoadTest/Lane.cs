using BackCare.Bot.TestSupport;

namespace BackCare.Bot.LoadTest;

/// <summary>
/// One thing measured: a bot (at <paramref name="MessagesUrl"/>), a delivery mode and the script its
/// users run. <paramref name="Process"/> is the bot's child process when this program started it
/// (the load test); a test hosting the bot itself has none.
/// </summary>
internal sealed record Lane(string Bot, Uri MessagesUrl, Delivery Delivery, IConversationScript Script, BotProcess? Process = null)
{
    public string Name => $"{Bot} {(Delivery == Delivery.Normal ? "normal" : "expectReplies")}";

    /// <summary>Short, for conversation ids.</summary>
    public string Key => $"{Bot}-{(Delivery == Delivery.Normal ? "n" : "e")}";

    public BotProcess RequiredProcess => Process ?? throw new InvalidOperationException($"{Name} has no bot process.");
}
