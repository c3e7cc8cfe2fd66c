using System.Diagnostics;
using System.Globalization;
using BackCare.Bot.Content;
using BackCare.Bot.TestSupport;

namespace BackCare.Bot.LoadTest;

/// <summary>
/// Starts the bots and the fake connector, warms every lane up, then runs the rounds: in each, every
/// lane in turn for the same time, the order reversed every other round so that drift on a noisy
/// machine falls on all lanes alike.
/// </summary>
internal sealed class LoadRunner(LoadTestOptions options, TextWriter output)
{
    public const string BackCare = "BackCare";
    public const string BackCareBefore = "BackCare-before";
    public const string Echo = "echo";

    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(1);

    /// <summary>A bot's last console lines kept for the report (it logs warnings and errors only).</summary>
    internal const int RecentLinesKept = 40;

    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    /// <summary>RSS samples per bot, taken while its lanes were measured: seconds since the run started, bytes.</summary>
    private readonly Dictionary<BotProcess, List<(double Seconds, long Bytes)>> _samples = [];

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("backcare-loadtest-");
        var processes = new List<BotProcess>();
        try
        {
            // The connector keeps only what the open conversations have not taken yet, however long the run.
            await using var connector = await FakeConnector.StartAsync(keepRequests: false, cancellationToken).ConfigureAwait(false);
            using var http = CreateClient();
            var knowledge = ContentLoader.Load(KnowledgeBase.DefaultDirectory);

            // Each BackCare process keeps its state in a file of its own in a folder removed at the end.
            var backCare = await StartBackCareAsync(BackCare, dataDirectory, [], cancellationToken).ConfigureAwait(false);
            processes.Add(backCare);
            BotProcess? before = null;
            if (options.Before)
            {
                before = await StartBackCareAsync(BackCareBefore, dataDirectory, ["BackCare:ReuseConnectorClients=false"], cancellationToken).ConfigureAwait(false);
                processes.Add(before);
            }

            var echo = await BotProcess.StartAsync(EchoBotHost.Start(Echo), cancellationToken).ConfigureAwait(false);
            processes.Add(echo);

            var rssAtStart = processes.ToDictionary(p => p.Name, p => p.RssBytes);
            var (backCareScript, echoScript) = CreateScripts(knowledge);
            var lanes = options.Modes.SelectMany(mode => new[]
            {
                new Lane(BackCare, backCare.MessagesUrl, mode, backCareScript, backCare),
                new Lane(Echo, echo.MessagesUrl, mode, echoScript, echo),
                before is null ? null : new Lane(BackCareBefore, before.MessagesUrl, mode, backCareScript, before),
            }).OfType<Lane>().ToList();

            var users = Enumerable.Range(0, options.Users).Select(i => new VirtualUser(i, http, connector, _runId, options.ChannelId)).ToArray();
            output.WriteLine(Invariant($"Bots started ({string.Join(", ", processes.Select(p => $"{p.Name} pid {p.Id} at {p.BaseUrl}"))}); fake connector at {connector.ServiceUrl}"));

            if (options.WarmupSeconds > 0)
            {
                foreach (var lane in lanes)
                {
                    await RunLaneAsync(lane, users, "warmup", 0, options.WarmupSeconds, sample: false, cancellationToken).ConfigureAwait(false);
                }

                output.WriteLine(Invariant($"Warmed up: {options.WarmupSeconds:0.#} s per lane, not counted"));
            }

            var rssAfterWarmup = processes.ToDictionary(p => p.Name, p => p.RssBytes);
            var rounds = new List<LaneRound>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                var order = round % 2 == 1 ? lanes : Enumerable.Reverse(lanes).ToList();
                foreach (var lane in order)
                {
                    var result = await RunLaneAsync(lane, users, Invariant($"r{round}"), round, options.Seconds, sample: true, cancellationToken).ConfigureAwait(false);
                    rounds.Add(result);
                    output.WriteLine(Invariant($"  round {round} {lane.Name,-30} {result.TurnsPerSecond,8:F1} turns/s  bot CPU {result.BotCpuMsPerTurn,6:F2} ms/turn  errors {result.Errors}  lost {result.Lost}  extra {result.Extra}  RSS {result.BotRssAtEnd / Mb,6:F1} MB{LoadAverage()}"));
                }
            }

            var rssAtEnd = processes.ToDictionary(p => p.Name, p => p.RssBytes);
            var memory = processes.Select(p => new ProcessMemory(p.Name, rssAtStart[p.Name], rssAfterWarmup[p.Name], rssAtEnd[p.Name], SamplesOf(p).ToArray(), p.OutputLines, p.OutputLines > 0 ? p.Output() : null)).ToList();
            return new LoadReport(options, rounds, memory, connector.Stray, connector.Received);
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync().ConfigureAwait(false);
            }

            TryDelete(dataDirectory);
        }
    }

    public const double Mb = 1024.0 * 1024.0;

    private (IConversationScript BackCare, IConversationScript Echo) CreateScripts(KnowledgeBase knowledge)
    {
        switch (options.Script)
        {
            case ScriptKind.FreeText:
                // One source for every lane: no text is sent twice in the run, to either bot.
                var questions = new FreeTextQuestions();
                return (new FreeTextScript(new BackCareScript(knowledge), questions), new EchoScript(questions));
            case ScriptKind.CardButtons:
                return (new BackCareScript(knowledge, answerByButtons: true), new EchoScript());
            default:
                return (new BackCareScript(knowledge), new EchoScript());
        }
    }

    private async Task<LaneRound> RunLaneAsync(Lane lane, VirtualUser[] users, string phase, int round, double seconds, bool sample, CancellationToken cancellationToken)
    {
        var process = lane.RequiredProcess;
        var cpuBefore = process.CpuTime;
        var start = Stopwatch.GetTimestamp();
        var stopAt = start + (long)(seconds * Stopwatch.Frequency);

        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = sample ? SampleAsync(process, sampling.Token) : Task.CompletedTask;

        // Task.Run: every user on the thread pool from the start, as concurrent clients would be.
        var tallies = await Task.WhenAll(users.Select(user => Task.Run(() => user.RunAsync(lane, phase, stopAt, cancellationToken), cancellationToken))).ConfigureAwait(false);

        await sampling.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);

        // Turns running at stopAt are finished and counted: the measured span ends with the last of them.
        var end = Math.Max(stopAt, tallies.Max(t => t.LastCompletion));
        var measured = (end - start) / (double)Stopwatch.Frequency;
        var rss = process.RssBytes;
        if (sample)
        {
            SamplesOf(process).Add((Elapsed(), rss));
        }

        return new LaneRound(lane, round, measured, tallies, process.CpuTime - cpuBefore, rss);
    }

    private async Task SampleAsync(BotProcess process, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                SamplesOf(process).Add((Elapsed(), process.RssBytes));
                await Task.Delay(SampleEvery, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The lane's round is over.
        }
    }

    private List<(double Seconds, long Bytes)> SamplesOf(BotProcess process)
    {
        lock (_samples)
        {
            return _samples.TryGetValue(process, out var samples) ? samples : _samples[process] = [];
        }
    }

    /// <summary>Starts BackCare.Bot.dll from this program's folder, where the project reference put it with its content.</summary>
    private Task<BotProcess> StartBackCareAsync(string name, DirectoryInfo dataDirectory, IEnumerable<string> settings, CancellationToken cancellationToken) =>
        BotProcess.StartAsync(
            new BotProcessStart
            {
                Name = name,
                Settings = [$"Storage:SqlitePath={Path.Combine(dataDirectory.FullName, name + ".db")}", LoadTestOptions.PacingOff, .. settings, .. options.BotSettings],
                OutputLinesKept = RecentLinesKept,
            },
            cancellationToken);

    /// <summary>
    /// The machine's 1-minute load average where Linux gives it: on a shared machine it says how much of a round's
    /// figures is other people's work (the ratios, measured alternately, are what to compare).
    /// </summary>
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? "  load " + File.ReadAllText("/proc/loadavg").Split(' ')[0] : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private double Elapsed() => Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;

    private static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        // One keep-alive connection per virtual user and bot, as a channel's front end would hold.
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = int.MaxValue,
        UseProxy = false,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; nothing depends on it.
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
