namespace BackCare.Bot.LoadTest;

/// <summary>
/// A bot process's resident memory over the run: after start, after warm-up, at the end, and sampled
/// (every second and at the end of each of its rounds) while its lanes were measured.
/// </summary>
internal sealed record ProcessMemory(string Name, long AtStart, long AfterWarmup, long AtEnd, IReadOnlyList<(double Seconds, long Bytes)> Samples, int OutputLines, string? RecentOutput)
{
    /// <summary>
    /// Growth from the middle third of the samples to the last third, in bytes. The first third is left
    /// out: a server grows to its working size under load (GC budgets, connection pools, caches) before
    /// it levels off; what matters is whether it keeps growing after that.
    /// </summary>
    public long Growth => Samples.Count < 6 ? AtEnd - AfterWarmup : (long)(Third(2) - Third(1));

    /// <summary>The reference for <see cref="Growth"/>: the mean of the middle third of the samples.</summary>
    public long Settled => Samples.Count < 6 ? AfterWarmup : (long)Third(1);

    /// <summary>Flat: the last third is within 10% (or 16 MB, for small processes) of the middle one.</summary>
    public bool IsFlat => Growth <= Math.Max(Settled / 10, 16L * 1024 * 1024);

    public long Max => Samples.Count == 0 ? AtEnd : Math.Max(AtEnd, Samples.Max(s => s.Bytes));

    private double Third(int index)
    {
        var size = Samples.Count / 3;
        return Samples.Skip(index * size).Take(index == 2 ? Samples.Count - (2 * size) : size).Average(s => s.Bytes);
    }
}
