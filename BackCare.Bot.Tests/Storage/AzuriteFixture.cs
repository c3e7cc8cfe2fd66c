using System.Diagnostics;
using System.Text;
using BackCare.Bot.Tests.NodeTools;
using BackCare.Bot.TestSupport;

namespace BackCare.Bot.Tests.Storage;

/// <summary>
/// Azurite's blob service (npm package pinned in BackCare.Bot.Tests/Azurite) for the tests of the "Azurite"
/// collection: started once on a free loopback port, in memory, and killed with its process tree at the end.
/// On a fresh clone without node_modules it runs <c>npm ci</c> first (<see cref="NpmFolder"/>), so <c>dotnet test</c> needs only Node.js.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The development account every Azurite has; its key is public and documented.</summary>
    public const string AccountName = "devstoreaccount1";

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _workDirectory;

    public int Port { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/{AccountName};";

    /// <summary>How long starting Azurite took (npm ci included when it ran).</summary>
    public TimeSpan StartDuration { get; private set; }

    /// <summary>A container name no other test uses (3–63 lowercase letters, digits and dashes).</summary>
    public static string NewContainerName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];

    public async Task InitializeAsync()
    {
        var started = Stopwatch.StartNew();
        var azurite = NpmFolder.Find("Azurite", "The blob storage tests");
        await azurite.EnsureInstalledAsync().ConfigureAwait(false);
        var executable = Path.Combine(azurite.Path, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-blob.cmd" : "azurite-blob");

        Port = LoopbackPort.Free();
        // In memory, so nothing should be written; a temporary working folder makes sure nothing lands in the repository.
        _workDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = _workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilAnsweringAsync().ConfigureAwait(false);
        StartDuration = started.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
            {
                // Already gone, or not answering a kill within 10 s: nothing more a test can do.
            }
            finally
            {
                process.Dispose();
            }
        }

        if (_workDirectory is not null)
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
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

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with {_process.ExitCode}:\n{Output()}");
            }

            try
            {
                // Any HTTP answer (an unsigned request gets 403) means the blob service is listening.
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/{AccountName}?comp=list")).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"Azurite did not answer on port {Port} within {StartTimeout.TotalSeconds} s:\n{Output()}");
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
