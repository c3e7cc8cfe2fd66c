using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Activity = Microsoft.Bot.Schema.Activity;

namespace BackCare.Bot.TestSupport;

/// <summary>
/// A bot running as its own process (<c>dotnet exec BackCare.Bot.dll</c>) on a free loopback port, so that its
/// memory, CPU and start-up are its own. It runs at log level Warning unless its settings say otherwise, and keeps
/// what it writes to its console. Disposing kills it with its process tree, whatever happened.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly int? _outputLinesKept;
    private readonly Queue<string> _output = new();
    private int _outputLines;

    private BotProcess(string name, Process process, Uri baseUrl, int? outputLinesKept)
    {
        Name = name;
        _process = process;
        BaseUrl = baseUrl;
        _outputLinesKept = outputLinesKept;
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Name { get; }

    /// <summary>Where it listens, ending with a slash.</summary>
    public Uri BaseUrl { get; }

    public Uri MessagesUrl => new(BaseUrl, "api/messages");

    public int Port => BaseUrl.Port;

    /// <summary>The operating system's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Lines it wrote to its console since start, kept or not.</summary>
    public int OutputLines => Volatile.Read(ref _outputLines);

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

    /// <summary>
    /// The bot's assembly. A project that references the bot gets it copied into its output folder with its
    /// runtimeconfig and deps, appsettings.json, Cards/ and Content/Data/: the same bot, run from there.
    /// </summary>
    public static string BotAssembly
    {
        get
        {
            var here = Path.Combine(AppContext.BaseDirectory, "BackCare.Bot.dll");
            if (File.Exists(Path.ChangeExtension(here, ".runtimeconfig.json")))
            {
                return here;
            }

            throw new FileNotFoundException("BackCare.Bot.dll with its runtimeconfig.json is not in this program's folder: reference the bot's project.", here);
        }
    }

    /// <summary>Starts the bot with <paramref name="settings"/> ("Key=Value") and waits until /healthz answers.</summary>
    public static Task<BotProcess> StartAsync(IEnumerable<string> settings, CancellationToken cancellationToken = default) =>
        StartAsync(new BotProcessStart { Settings = [.. settings] }, cancellationToken);

    /// <summary>Starts what <paramref name="start"/> says and waits until its /healthz answers; if it does not, stops it.</summary>
    public static async Task<BotProcess> StartAsync(BotProcessStart start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        var baseUrl = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "exec", start.Assembly ?? BotAssembly, .. start.Arguments,
            $"--urls={baseUrl.GetLeftPart(UriPartial.Authority)}", "--Logging:LogLevel:Default=Warning",
            .. start.Settings.Select(setting => "--" + setting),
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{start.Name} did not start.");
        var bot = new BotProcess(start.Name, process, baseUrl, start.OutputLinesKept);
        process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await bot.WaitUntilHealthyAsync(cancellationToken).ConfigureAwait(false);
            return bot;
        }
        catch
        {
            await bot.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts <paramref name="count"/> instances at once (each takes a few seconds); if one fails, those started are stopped.</summary>
    public static async Task<BotProcess[]> StartSeveralAsync(IEnumerable<string> settings, int count, CancellationToken cancellationToken = default)
    {
        var list = settings.ToList();
        var starting = Enumerable.Range(0, count).Select(_ => StartAsync(list, cancellationToken)).ToArray();
        try
        {
            return await Task.WhenAll(starting).ConfigureAwait(false);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await (await started.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Posts one activity with expectReplies and returns the replies the bot put in the response.</summary>
    public async Task<List<IActivity>> SendAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var content = new StringContent(JsonConvert.SerializeObject(activity), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(MessagesUrl, content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{Name} on port {Port} answered {(int)response.StatusCode}: {body}\n{Output()}");
        }

        return JObject.Parse(body)["activities"]?.ToObject<List<Activity>>()?.Cast<IActivity>().ToList() ?? [];
    }

    /// <summary>What it wrote to its console (the last lines only, if its start said so), to say why it failed.</summary>
    public string Output()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Gone already, or not gone within 10 s of a kill: nothing more to do from here.
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>
    /// The dotnet host running this program, so the bot runs on the same runtime: the CLI sets DOTNET_HOST_PATH for
    /// the processes it starts (dotnet test); else this process if it is dotnet (dotnet run), else the host beside
    /// the runtime (an apphost), else the one on the PATH.
    /// </summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} while starting:\n{Output()}");
            }

            try
            {
                using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                probe.CancelAfter(TimeSpan.FromSeconds(2));
                using var response = await _http.GetAsync(new Uri(BaseUrl, "healthz"), probe.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"{Name} on port {Port} did not answer /healthz within {StartTimeout.TotalSeconds} s:\n{Output()}");
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
            while (_outputLinesKept is { } kept && _output.Count > kept)
            {
                _output.Dequeue();
            }
        }
    }
}
