using System.Runtime;
using BackCare.Bot.TestSupport;
using static System.FormattableString;

namespace BackCare.Bot.Benchmarks;

/// <summary>What a run measured, and how it is printed.</summary>
internal sealed record BenchmarkResult(
    BenchmarkOptions Options,
    double MeasuredSeconds,
    long Turns,
    long Replies,
    int Errors,
    IReadOnlyList<string> ErrorSamples,
    LatencySummary Latency,
    IReadOnlyList<LatencySummary> LatencyByStep,
    LatencySummary StepCardLatency,
    IReadOnlyList<LatencySummary> StepCardLatencyByDriver,
    ProcessSnapshot Start,
    ProcessSnapshot AfterWarmup,
    ProcessSnapshot End)
{
    public double TurnsPerSecond => MeasuredSeconds > 0 ? Turns / MeasuredSeconds : 0;

    public void Print(TextWriter writer)
    {
        var measuredAllocated = End.AllocatedBytes - AfterWarmup.AllocatedBytes;
        writer.WriteLine(Invariant($"users              {Options.Users}"));
        writer.WriteLine(Invariant($"duration           {MeasuredSeconds:F2} s measured (after {Options.WarmupSeconds:0.##} s warm-up)"));
        writer.WriteLine(Invariant($"turns              {Turns}"));
        writer.WriteLine(Invariant($"turns per second   {TurnsPerSecond:F1}"));
        writer.WriteLine(Invariant($"latency p50        {Latency.P50:F3} ms"));
        writer.WriteLine(Invariant($"latency p90        {Latency.P90:F3} ms"));
        writer.WriteLine(Invariant($"latency p99        {Latency.P99:F3} ms"));
        writer.WriteLine(Invariant($"latency max        {Latency.Max:F3} ms"));
        writer.WriteLine(Invariant($"latency mean       {Latency.Mean:F3} ms"));
        writer.WriteLine(Invariant($"CPU busy           {End.CoresBusySince(AfterWarmup):F2} of {Environment.ProcessorCount} cores (measured phase)"));
        writer.WriteLine(Invariant($"errors             {Errors}"));
        writer.WriteLine(Invariant($"replies per turn   {(Turns > 0 ? (double)Replies / Turns : 0):F2}"));
        writer.WriteLine(Invariant($"working set        start {Start.WorkingSetMb:F1} MB, after warm-up {AfterWarmup.WorkingSetMb:F1} MB, end {End.WorkingSetMb:F1} MB"));
        writer.WriteLine(Invariant($"managed heap       start {Start.ManagedHeapMb:F1} MB, end {End.ManagedHeapMb:F1} MB"));
        writer.WriteLine(Invariant($"allocated          {(Turns > 0 ? measuredAllocated / 1024.0 / Turns : 0):F1} KB per turn"));
        writer.WriteLine(Invariant($"GCs (measured)     gen0 {End.Gen0 - AfterWarmup.Gen0}, gen1 {End.Gen1 - AfterWarmup.Gen1}, gen2 {End.Gen2 - AfterWarmup.Gen2} ({(GCSettings.IsServerGC ? "server" : "workstation")} GC, {Environment.ProcessorCount} CPUs, {ThreadPool.ThreadCount} pool threads)"));
        if (Options.Script.Steps.Any(s => s.IsStepCard))
        {
            writer.WriteLine(Invariant($"step-card turns    p50 {StepCardLatency.P50:F3} ms, p90 {StepCardLatency.P90:F3} ms, p99 {StepCardLatency.P99:F3} ms, mean {StepCardLatency.Mean:F3} ms"));
            if (Options.ComparePictures)
            {
                string[] names = ["with pictures", "without"];
                for (var lane = 0; lane < StepCardLatencyByDriver.Count; lane++)
                {
                    var l = StepCardLatencyByDriver[lane];
                    writer.WriteLine(Invariant($"  {names[lane],-16} p50 {l.P50:F3} ms, p90 {l.P90:F3} ms, p99 {l.P99:F3} ms, mean {l.Mean:F3} ms"));
                }

                var (with, without) = (StepCardLatencyByDriver[0], StepCardLatencyByDriver[1]);
                writer.WriteLine(Invariant($"  with : without   p50 {with.P50 / without.P50:F3}, mean {with.Mean / without.Mean:F3}"));
            }
        }

        writer.WriteLine("by script step     p50 ms    p99 ms   mean ms");
        for (var step = 0; step < LatencyByStep.Count; step++)
        {
            var latency = LatencyByStep[step];
            writer.WriteLine(Invariant($"  {step + 1,2} {Label(Options.Script.Steps[step]),-40} {latency.P50,8:F3} {latency.P99,9:F3} {latency.Mean,9:F3}"));
        }

        foreach (var sample in ErrorSamples)
        {
            writer.WriteLine(Invariant($"error sample       {sample}"));
        }
    }

    private static string Label(ScriptStep step)
    {
        var label = step.ToString();
        return label.Length <= 40 ? label : string.Concat(label.AsSpan(0, 37), "...");
    }
}
