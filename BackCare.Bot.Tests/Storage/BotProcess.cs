using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Activity = Microsoft.Bot.Schema.Activity;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Storage;

/// <summary>
/// The built bot running as its own process (<c>dotnet BackCare.Bot.dll</c>) on a free loopback port, talked to
/// over HTTP with deliveryMode expectReplies. Disposing kills it with its process tree, whatever happened.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;

    private BotProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    /// <summary>
    /// The bot's assembly. The test project references the bot, so the build copies it, its runtimeconfig and
    /// deps, appsettings.json, Cards/ and Content/Data/ into the test output: the same bot, run from there.
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

            throw new FileNotFoundException("BackCare.Bot.dll with its runtimeconfig.json is not in the test output folder.", here);
        }
    }

    /// <summary>Starts the bot with <paramref name="settings"/> as command-line settings ("Key=Value") and waits until /healthz answers.</summary>
    public static async Task<BotProcess> StartAsync(IEnumerable<string> settings)
    {
        var port = AzuriteFixture.FreeLoopbackPort();
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BotAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add("--" + setting);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The bot process did not start.");
        var bot = new BotProcess(process, port);
        try
        {
            await bot.WaitUntilHealthyAsync().ConfigureAwait(false);
            return bot;
        }
        catch
        {
            await bot.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Settings for instances sharing one storage of <paramref name="kind"/> ("Blob": a new container on Azurite,
    /// "Sqlite": a file in <paramref name="folder"/>), as instances behind a load balancer share it.
    /// </summary>
    public static string[] SharedStorage(string kind, AzuriteFixture azurite, TemporaryFolder folder, string containerPrefix) =>
        kind == "Blob"
            ? ["Storage:Kind=Blob", "Storage:BlobConnectionString=" + azurite.ConnectionString, "Storage:BlobContainer=" + AzuriteFixture.NewContainerName(containerPrefix)]
            : ["Storage:Kind=Sqlite", "Storage:SqlitePath=" + folder.File("shared.db")];

    /// <summary>Starts <paramref name="count"/> instances at once (each takes a few seconds); if one fails, those started are stopped.</summary>
    public static async Task<BotProcess[]> StartSeveralAsync(IEnumerable<string> settings, int count)
    {
        var list = settings.ToList();
        var starting = Enumerable.Range(0, count).Select(_ => StartAsync(list)).ToArray();
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
    public async Task<List<IActivity>> SendAsync(Activity activity)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var content = new StringContent(JsonConvert.SerializeObject(activity), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(new Uri("api/messages", UriKind.Relative), content).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Bot on port {Port} answered {(int)response.StatusCode}: {body}\n{Output()}");
        }

        return JObject.Parse(body)["activities"]?.ToObject<List<Activity>>()?.Cast<IActivity>().ToList() ?? [];
    }

    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
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

    /// <summary>The dotnet host running these tests (the CLI sets DOTNET_HOST_PATH for the processes it starts).</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";

    private async Task WaitUntilHealthyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {_process.ExitCode}:\n{Output()}");
            }

            try
            {
                using var response = await _http.GetAsync(new Uri("healthz", UriKind.Relative)).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new TimeoutException($"The bot on port {Port} was not healthy within {StartTimeout.TotalSeconds} s:\n{Output()}");
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
