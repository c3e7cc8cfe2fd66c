using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace BackCare.Bot.LoadTest;

/// <summary>
/// A bot running as a child process on a loopback port, so that its memory and CPU are its own
/// (the load and the fake connector run in this process). Stopped when disposed.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 40;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private int _outputLines;

    private BotProcess(string name, Process process, Uri baseUrl)
    {
        Name = name;
        _process = process;
        BaseUrl = baseUrl;
        MessagesUrl = new Uri(baseUrl, "api/messages");
    }

    public string Name { get; }

    public Uri BaseUrl { get; }

    public Uri MessagesUrl { get; }

    public int Id => _process.Id;

    /// <summary>Lines the bot wrote to its console (warnings and errors: it runs at log level Warning).</summary>
    public int OutputLines => Volatile.Read(ref _outputLines);

    /// <summary>RSS samples taken while a lane of this bot was measured: seconds since the run started, bytes.</summary>
    public List<(double Seconds, long Bytes)> Samples { get; } = [];

    /// <summary>The resident set size now (Linux: VmRSS).</summary>
    public long RssBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts BackCare.Bot.dll from this program's folder, where the project reference put it with its content.</summary>
    public static Task<BotProcess> StartBackCareAsync(string name, IEnumerable<string> settings, CancellationToken cancellationToken) =>
        StartAsync(name, Path.Combine(AppContext.BaseDirectory, "BackCare.Bot.dll"), [], settings, cancellationToken);

    /// <summary>Starts this program as the echo baseline bot.</summary>
    public static Task<BotProcess> StartEchoAsync(string name, CancellationToken cancellationToken) =>
        StartAsync(name, Path.Combine(AppContext.BaseDirectory, "BackCare.Bot.LoadTest.dll"), [EchoBotHost.Command], [], cancellationToken);

    /// <summary>The last lines the bot wrote, to say why it failed.</summary>
    public string RecentOutput()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static async Task<BotProcess> StartAsync(string name, string dll, string[] command, IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        var port = FreeLoopbackPort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in (string[])["exec", dll, .. command, $"--urls={baseUrl.GetLeftPart(UriPartial.Authority)}", "--Logging:LogLevel:Default=Warning", .. settings.Select(s => "--" + s)])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        var bot = new BotProcess(name, process, baseUrl);
        process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await bot.WaitUntilHealthyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await bot.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return bot;
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} while starting:{Environment.NewLine}{RecentOutput()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "healthz"), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"{Name} did not answer /healthz within 30 s:{Environment.NewLine}{RecentOutput()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        Interlocked.Increment(ref _outputLines);
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLinesKept)
            {
                _output.Dequeue();
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The dotnet host that runs this program (so the bots run on the same runtime), else the one on the PATH.</summary>
    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
