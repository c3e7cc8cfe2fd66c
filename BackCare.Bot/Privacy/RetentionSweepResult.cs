namespace BackCare.Bot.Privacy;

/// <summary>What one pass of the retention sweep did: keys looked at, items deleted, items saved again (trimmed or dated).</summary>
public readonly record struct RetentionSweepResult(int Examined, int Deleted, int Rewritten);
