namespace BackCare.Bot.Benchmarks;

/// <summary>
/// One turn of a scripted conversation: a user joining, or a message with <see cref="Text"/>. <see cref="Expect"/>,
/// when set, must appear in the turn's replies (so a script that drifted from the bot fails instead of measuring
/// something else); <see cref="IsStepCard"/> marks a turn that shows a walkthrough step card.
/// </summary>
internal sealed record ScriptStep(string? Text, string? Expect = null, bool IsStepCard = false)
{
    public static ScriptStep Join { get; } = new((string?)null);

    public bool IsJoin => Text is null;

    public override string ToString() => IsJoin ? "(conversationUpdate: user joins)" : $"\"{Text}\"";
}
