using System.Text.Json;
using BackCare.Bot.TeamsPackage;

namespace BackCare.Bot.Tests.NodeTools;

/// <summary>
/// The Node.js version is stated once for people (the README's prerequisites) and once per npm folder for the tools
/// (package.json "engines", which npm enforces through .npmrc's engine-strict and the tests through
/// <see cref="NpmFolder"/>); these keep them saying the same, and show the check refuses an older Node.js plainly.
/// </summary>
public sealed class NodeVersionTests : IDisposable
{
    private static readonly string Root = RepositoryLayout.FindRoot(AppContext.BaseDirectory)!;

    private readonly string _workDirectory = Directory.CreateTempSubdirectory("backcare-node-").FullName;

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    public static TheoryData<string> NpmFolders => ["Azurite", "TeamsChecks", "Playground"];

    [Theory]
    [MemberData(nameof(NpmFolders))]
    public void Every_npm_folder_asks_for_the_Node_version_the_README_states_and_npm_enforces_it(string name)
    {
        var folder = Path.Combine(Root, "BackCare.Bot.Tests", name);
        var required = NpmFolder.At(folder, name).RequiredNodeVersion();

        Assert.Contains($"Node.js {required} or later", File.ReadAllText(Path.Combine(Root, "README.md")), StringComparison.Ordinal);
        Assert.Equal(required.Major.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(Root, ".nvmrc")).Trim());
        Assert.Contains("engine-strict=true", File.ReadAllLines(Path.Combine(folder, ".npmrc")));
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "package-lock.json")));
        Assert.Equal($">={required}", lockFile.RootElement.GetProperty("packages").GetProperty("").GetProperty("engines").GetProperty("node").GetString());
    }

    [Fact]
    public async Task An_older_Node_is_refused_with_what_is_needed_and_what_was_found()
    {
        await File.WriteAllTextAsync(Path.Combine(_workDirectory, "package.json"), """{ "name": "x", "engines": { "node": ">=99.1" } }""");
        var folder = NpmFolder.At(_workDirectory, "The frobnicator tests");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => folder.EnsureInstalledAsync());

        Assert.Matches(@"^The frobnicator tests need Node\.js 99\.1 or later with npm \(see the README's prerequisites\); this machine has Node\.js \d+\.\d+\.\d+\.$", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_workDirectory, "node_modules")));
    }
}
