namespace BackCare.Bot.LoadTest;

/// <summary>What one lane did in one round: its users' tallies, how long it was measured, and what the bot process spent.</summary>
internal sealed record LaneRound(Lane Lane, int Round, double Seconds, IReadOnlyList<TurnTally> Tallies, TimeSpan BotCpu, long BotRssAtEnd)
{
    public long Turns => Tallies.Sum(t => (long)t.Latencies.Count);

    public double TurnsPerSecond => Seconds > 0 ? Turns / Seconds : 0;

    /// <summary>CPU time the bot process used per turn, in milliseconds.</summary>
    public double BotCpuMsPerTurn => Turns > 0 ? BotCpu.TotalMilliseconds / Turns : 0;

    public int Errors => Tallies.Sum(t => t.Errors);

    public long Lost => Tallies.Sum(t => t.Lost);

    public long Extra => Tallies.Sum(t => t.Extra);

    public long Misaddressed => Tallies.Sum(t => t.Misaddressed);

    public int Iterations => Tallies.Sum(t => t.Iterations);
}
