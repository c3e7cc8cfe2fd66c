using System.Globalization;
using BackCare.Bot.TestSupport;

namespace BackCare.Bot.LoadTest;

/// <summary>The figures of a run and how they are printed.</summary>
internal sealed record LoadReport(LoadTestOptions Options, IReadOnlyList<LaneRound> Rounds, IReadOnlyList<ProcessMemory> Memory, long StrayReplies, long ConnectorReceived)
{
    private const double Mb = LoadRunner.Mb;

    public int Errors => Rounds.Sum(r => r.Errors);

    public long Lost => Rounds.Sum(r => r.Lost);

    public long Extra => Rounds.Sum(r => r.Extra) + StrayReplies;

    public long Misaddressed => Rounds.Sum(r => r.Misaddressed);

    /// <summary>
    /// Good when every turn of every lane succeeded, every expected reply came once, and BackCare's
    /// memory stayed flat. The baselines' memory is reported, not judged: growing is what they are there to show.
    /// </summary>
    public bool Passed => Errors == 0 && Lost == 0 && Extra == 0 && Misaddressed == 0 && Memory.Where(m => m.Name == LoadRunner.BackCare).All(m => m.IsFlat);

    public void Print(TextWriter w)
    {
        w.WriteLine();
        w.WriteLine(I($"{Options.Users} users per lane, {Options.Rounds} rounds of {Options.Seconds:0.#} s per lane, script {Options.ScriptName}, channel {Options.ChannelId}, BackCare's send pacing {(Options.SendPacing ? "on" : "off")}"));
        w.WriteLine();
        w.WriteLine(I($"{"lane",-30} {"turns/s",8} {"(median",8} {"range)",13} {"p50 ms",7} {"p90 ms",7} {"p99 ms",7} {"max ms",7} {"CPU ms/turn",11} {"turns",8} {"convs",6} {"errors",6} {"lost",5} {"extra",5} {"misaddr",7}"));
        foreach (var lane in Rounds.Select(r => r.Lane).Distinct())
        {
            var rounds = Rounds.Where(r => r.Lane == lane).ToList();
            var turns = rounds.Sum(r => r.Turns);
            var seconds = rounds.Sum(r => r.Seconds);
            var rates = rounds.Select(r => r.TurnsPerSecond).ToList();
            var latency = LatencySummary.From(rounds.SelectMany(r => r.Tallies).SelectMany(t => t.Latencies));
            var cpu = turns > 0 ? rounds.Sum(r => r.BotCpu.TotalMilliseconds) / turns : 0;
            w.WriteLine(I($"{lane.Name,-30} {turns / seconds,8:F1} {Median(rates),8:F1} {$"{rates.Min():F0}-{rates.Max():F0}",13} {latency.P50,7:F1} {latency.P90,7:F1} {latency.P99,7:F1} {latency.Max,7:F0} {cpu,11:F2} {turns,8} {rounds.Sum(r => r.Iterations),6} {rounds.Sum(r => r.Errors),6} {rounds.Sum(r => r.Lost),5} {rounds.Sum(r => r.Extra),5} {rounds.Sum(r => r.Misaddressed),7}"));

            // A lane mixes joins, typed messages and card buttons; each kind's latencies on its own line.
            var byKind = rounds.SelectMany(r => r.Tallies).SelectMany(t => t.LatenciesByKind).GroupBy(k => k.Key).OrderBy(g => g.Key).ToList();
            if (byKind.Count > 1)
            {
                foreach (var kind in byKind)
                {
                    var count = kind.Sum(k => (long)k.Value.Count);
                    var of = LatencySummary.From(kind.SelectMany(k => k.Value));
                    w.WriteLine(I($"{"  " + KindName(kind.Key) + " turns",-30} {count / seconds,8:F1} {$"{100.0 * count / turns:F0}% of turns",22} {of.P50,7:F1} {of.P90,7:F1} {of.P99,7:F1} {of.Max,7:F0}"));
                }
            }
        }

        w.WriteLine();
        foreach (var mode in Options.Modes)
        {
            PrintRatio(w, mode, LoadRunner.BackCare, LoadRunner.Echo, "BackCare : echo");
            PrintRatio(w, mode, LoadRunner.BackCare, LoadRunner.BackCareBefore, "BackCare : BackCare-before (reuse on : off)");
        }

        w.WriteLine();
        w.WriteLine(I($"{"bot RSS (MB)",-18} {"start",7} {"warm",7} {"middle",8} {"end",7} {"max",7} {"growth",7}  flat"));
        foreach (var m in Memory)
        {
            w.WriteLine(I($"{m.Name,-18} {m.AtStart / Mb,7:F1} {m.AfterWarmup / Mb,7:F1} {m.Settled / Mb,8:F1} {m.AtEnd / Mb,7:F1} {m.Max / Mb,7:F1} {m.Growth / Mb,7:F1}  {(m.IsFlat ? "yes" : "no")}"));
        }

        w.WriteLine("  (middle: mean RSS over the middle third of the samples; growth: the last third's mean minus that; flat: growth within 10% or 16 MB)");
        foreach (var m in Memory)
        {
            var trace = m.Samples.Where((_, i) => i % Math.Max(1, m.Samples.Count / 12) == 0 || i == m.Samples.Count - 1);
            w.WriteLine(I($"  {m.Name} RSS samples (s: MB): {string.Join("  ", trace.Select(s => I($"{s.Seconds:F0}: {s.Bytes / Mb:F0}")))}"));
        }

        w.WriteLine();
        w.WriteLine(I($"fake connector: {ConnectorReceived} activities received, {StrayReplies} for no open conversation"));
        foreach (var sample in Rounds.SelectMany(r => r.Tallies.SelectMany(t => t.ErrorSamples).Select(e => $"{r.Lane.Name}: {e}")).Take(8))
        {
            w.WriteLine("error: " + sample);
        }

        foreach (var m in Memory.Where(m => m.OutputLines > 0))
        {
            w.WriteLine(I($"{m.Name} wrote {m.OutputLines} console lines (it logs warnings and errors only); the last:"));
            w.WriteLine(m.RecentOutput);
        }

        w.WriteLine(Passed
            ? "PASS: no errors, no lost, extra or misaddressed replies, BackCare's memory flat"
            : I($"FAIL: {Errors} errors, {Lost} lost, {Extra} extra, {Misaddressed} misaddressed replies; BackCare's memory flat: {(Memory.Where(m => m.Name == LoadRunner.BackCare).All(m => m.IsFlat) ? "yes" : "no")}"));
    }

    private void PrintRatio(TextWriter w, Delivery mode, string bot, string baseline, string label)
    {
        var ratios = Rounds.Where(r => r.Lane.Delivery == mode && r.Lane.Bot == bot)
            .Join(Rounds.Where(r => r.Lane.Delivery == mode && r.Lane.Bot == baseline), r => r.Round, r => r.Round, (a, b) => b.TurnsPerSecond > 0 ? a.TurnsPerSecond / b.TurnsPerSecond : double.NaN)
            .Where(double.IsFinite)
            .ToList();
        if (ratios.Count > 0)
        {
            var modeName = mode == Delivery.Normal ? "normal" : "expectReplies";
            w.WriteLine(I($"{label} throughput, {modeName}: median {Median(ratios):F2} over {ratios.Count} rounds (each round: {string.Join(", ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))})"));
        }
    }

    private static string KindName(TurnKind kind) => kind switch
    {
        TurnKind.Join => "join",
        TurnKind.Text => "typed",
        _ => "card-button",
    };

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
