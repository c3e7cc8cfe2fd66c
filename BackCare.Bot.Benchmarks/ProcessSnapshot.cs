using System.Diagnostics;

namespace BackCare.Bot.Benchmarks;

/// <summary>The process's memory, CPU time and GC counters at one moment, to see what a run cost besides time.</summary>
internal readonly record struct ProcessSnapshot(long Timestamp, TimeSpan CpuTime, long WorkingSetBytes, long ManagedHeapBytes, long AllocatedBytes, int Gen0, int Gen1, int Gen2)
{
    public double WorkingSetMb => WorkingSetBytes / (1024.0 * 1024.0);

    public double ManagedHeapMb => ManagedHeapBytes / (1024.0 * 1024.0);

    /// <summary>CPUs kept busy on average between <paramref name="earlier"/> and this snapshot: shows whether a run was CPU-bound.</summary>
    public double CoresBusySince(ProcessSnapshot earlier)
    {
        var wall = Stopwatch.GetElapsedTime(earlier.Timestamp, Timestamp);
        return wall > TimeSpan.Zero ? (CpuTime - earlier.CpuTime) / wall : 0;
    }

    public static ProcessSnapshot Take()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessSnapshot(
            Stopwatch.GetTimestamp(),
            process.TotalProcessorTime,
            process.WorkingSet64,
            GC.GetTotalMemory(forceFullCollection: false),
            // Precise: server GC hands out allocation contexts per thread, and the imprecise count missed a quarter of a run's bytes.
            GC.GetTotalAllocatedBytes(precise: true),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2));
    }
}
