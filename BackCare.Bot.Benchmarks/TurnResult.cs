namespace BackCare.Bot.Benchmarks;

/// <summary>How one turn went: its latency in Stopwatch ticks, the replies it got, and why it failed if it did.</summary>
internal readonly record struct TurnResult(long StartTimestamp, long ElapsedTicks, int ReplyCount, string? Error)
{
    public bool Succeeded => Error is null;
}
