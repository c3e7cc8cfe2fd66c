namespace BackCare.Bot.Benchmarks;

/// <summary>One turn of the scripted conversation: a user joining, or a message with <see cref="Text"/>.</summary>
internal sealed record ScriptStep(string? Text)
{
    public static ScriptStep Join { get; } = new((string?)null);

    public bool IsJoin => Text is null;

    public override string ToString() => IsJoin ? "(conversationUpdate: user joins)" : $"\"{Text}\"";
}
