using System.Diagnostics;
using System.Reflection;
using System.Text;
using BackCare.Bot.TestSupport;

namespace BackCare.Bot.Tests.Storage;

/// <summary>
/// Azurite's blob service (npm package pinned in BackCare.Bot.Tests/Azurite) for the tests of the "Azurite"
/// collection: started once on a free loopback port, in memory, and killed with its process tree at the end.
/// On a fresh clone without node_modules it runs <c>npm ci</c> first, so <c>dotnet test</c> needs only Node.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The development account every Azurite has; its key is public and documented.</summary>
    public const string AccountName = "devstoreaccount1";

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

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
        var directory = AzuriteDirectory();
        var executable = Path.Combine(directory, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-blob.cmd" : "azurite-blob");
        if (!File.Exists(executable))
        {
            // Two test runs in one checkout must not install at once (npm ci deletes node_modules first).
            using var installLock = await LockAsync(Path.Combine(directory, ".npm-ci.lock")).ConfigureAwait(false);
            if (!File.Exists(executable))
            {
                await NpmCiAsync(directory).ConfigureAwait(false);
            }
        }

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

    private static string AzuriteDirectory()
    {
        var configured = typeof(AzuriteFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AzuriteDirectory")?.Value;
        if (configured is not null && File.Exists(Path.Combine(configured, "package.json")))
        {
            return configured;
        }

        // Built elsewhere than it runs: look upwards from the test output for the test project's folder.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "BackCare.Bot.Tests", "Azurite");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("BackCare.Bot.Tests/Azurite/package.json was not found.");
    }

    /// <summary>An exclusive lock on a file (kept, and git-ignored: deleting it on close would let two holders in), held across processes until disposed.</summary>
    private static async Task<FileStream> LockAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < InstallTimeout)
            {
                await Task.Delay(500).ConfigureAwait(false);
            }
        }
    }

    private static async Task NpmCiAsync(string directory)
    {
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start; Node.js and npm are needed for the blob storage tests.");
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(InstallTimeout);
        try
        {
            await npm.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw new TimeoutException($"npm ci in {directory} took over {InstallTimeout.TotalMinutes} minutes.");
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {directory} failed ({npm.ExitCode}):\n{await stdout.ConfigureAwait(false)}\n{await stderr.ConfigureAwait(false)}");
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
