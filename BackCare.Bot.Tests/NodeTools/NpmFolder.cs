using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace BackCare.Bot.Tests.NodeTools;

/// <summary>
/// A folder of the test project that pins npm packages (Azurite/, TeamsChecks/): checks that this machine's
/// Node.js is the one its package.json's "engines" asks for, saying plainly what is missing, and runs
/// <c>npm ci</c> there when node_modules is not installed yet, so <c>dotnet test</c> works on a fresh clone.
/// </summary>
public sealed class NpmFolder
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);

    private NpmFolder(string path, string purpose)
    {
        Path = path;
        Purpose = purpose;
    }

    public string Path { get; }

    /// <summary>What the packages are for, as the messages about a missing Node.js name it.</summary>
    public string Purpose { get; }

    /// <summary>The folder <paramref name="name"/> of the test project (BackCare.Bot.Tests/<paramref name="name"/>).</summary>
    public static NpmFolder Find(string name, string purpose)
    {
        var configured = typeof(NpmFolder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TestProjectDirectory")?.Value;
        if (configured is not null && File.Exists(System.IO.Path.Combine(configured, name, "package.json")))
        {
            return new NpmFolder(System.IO.Path.Combine(configured, name), purpose);
        }

        // Built elsewhere than it runs: look upwards from the test output for the test project's folder.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "BackCare.Bot.Tests", name);
            if (File.Exists(System.IO.Path.Combine(candidate, "package.json")))
            {
                return new NpmFolder(candidate, purpose);
            }
        }

        throw new InvalidOperationException($"BackCare.Bot.Tests/{name}/package.json was not found.");
    }

    /// <summary>Any folder holding a package.json (tests of the checks themselves).</summary>
    public static NpmFolder At(string path, string purpose) => new(path, purpose);

    /// <summary>The lowest Node.js version package.json's <c>"engines": { "node": "&gt;=X.Y" }</c> accepts.</summary>
    public Version RequiredNodeVersion()
    {
        using var package = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(Path, "package.json")));
        var range = package.RootElement.TryGetProperty("engines", out var engines) && engines.TryGetProperty("node", out var node)
            ? node.GetString()
            : null;
        return range is not null && range.StartsWith(">=", StringComparison.Ordinal) && Version.TryParse(range[2..], out var version)
            ? version
            : throw new InvalidOperationException($"{Path}/package.json must say \"engines\": {{ \"node\": \">=X.Y\" }} (it says {range ?? "nothing"}).");
    }

    /// <summary>Checks Node.js and npm, then installs the pinned packages unless node_modules already has them.</summary>
    public async Task EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        var required = RequiredNodeVersion();
        var missing = $"{Purpose} need Node.js {required} or later with npm (see the README's prerequisites)";
        var found = await NodeVersionAsync(missing, cancellationToken).ConfigureAwait(false);
        if (found < required)
        {
            throw new InvalidOperationException($"{missing}; this machine has Node.js {found}.");
        }

        // npm writes this file last, so a half-finished install does not count.
        if (File.Exists(System.IO.Path.Combine(Path, "node_modules", ".package-lock.json")))
        {
            return;
        }

        // Two test runs in one checkout must not install at once (npm ci deletes node_modules first).
        using var installLock = await LockAsync(System.IO.Path.Combine(Path, ".npm-ci.lock"), cancellationToken).ConfigureAwait(false);
        if (!File.Exists(System.IO.Path.Combine(Path, "node_modules", ".package-lock.json")))
        {
            var npm = await RunAsync(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"], InstallTimeout, missing, Path, cancellationToken)
                .ConfigureAwait(false);
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {Path} failed ({npm.ExitCode}):\n{npm.Output}");
            }
        }
    }

    /// <summary>Runs one of the folder's scripts with node, from the folder; the output holds stdout then stderr.</summary>
    public Task<ProcessResult> RunScriptAsync(string script, IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        RunAsync("node", [System.IO.Path.Combine(Path, script), .. arguments], ScriptTimeout, $"{Purpose} need Node.js", Path, cancellationToken);

    private async Task<Version> NodeVersionAsync(string missing, CancellationToken cancellationToken)
    {
        var node = await RunAsync("node", ["--version"], TimeSpan.FromSeconds(30), missing, Path, cancellationToken).ConfigureAwait(false);
        var text = node.Output.Trim().TrimStart('v');
        return node.ExitCode == 0 && Version.TryParse(text.Split('-')[0], out var version)
            ? version
            : throw new InvalidOperationException($"{missing}; `node --version` answered \"{node.Output.Trim()}\".");
    }

    private static async Task<ProcessResult> RunAsync(
        string program, IReadOnlyList<string> arguments, TimeSpan timeout, string missing, string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException($"{missing}; `{program}` is not on this machine's PATH.");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', arguments)} in {directory} took over {timeout.TotalSeconds} s.");
            }

            return new ProcessResult(process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
        }
    }

    /// <summary>An exclusive lock on a file (kept, and git-ignored: deleting it on close would let two holders in), held across processes until disposed.</summary>
    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
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
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
