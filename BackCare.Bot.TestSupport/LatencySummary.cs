using System.Diagnostics;

namespace BackCare.Bot.TestSupport;

/// <summary>Percentiles and mean of turn latencies, in milliseconds.</summary>
public sealed record LatencySummary(double P50, double P90, double P99, double Max, double Mean)
{
    /// <summary>From latencies in <see cref="Stopwatch"/> ticks.</summary>
    public static LatencySummary From(IEnumerable<long> ticks)
    {
        var sorted = ticks.ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0);
        }

        Array.Sort(sorted);
        return new LatencySummary(
            ToMs(Percentile(sorted, 0.50)),
            ToMs(Percentile(sorted, 0.90)),
            ToMs(Percentile(sorted, 0.99)),
            ToMs(sorted[^1]),
            ToMs((long)sorted.Average()));
    }

    /// <summary>Nearest rank: the smallest latency that at least <paramref name="fraction"/> of turns did not exceed.</summary>
    private static long Percentile(long[] sorted, double fraction)
    {
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
