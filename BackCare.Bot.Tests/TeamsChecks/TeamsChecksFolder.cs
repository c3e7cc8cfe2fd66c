using BackCare.Bot.Tests.NodeTools;

namespace BackCare.Bot.Tests.TeamsChecks;

/// <summary>
/// The card and manifest checks (check-cards.mjs, check-manifest.mjs), with their npm packages pinned in this folder
/// and installed on first use. They run on Node.js, offline: the Teams host config and the manifest schemas come
/// with the pinned packages.
/// </summary>
public sealed class TeamsChecksFolder : IAsyncLifetime
{
    public NpmFolder Folder { get; } = NpmFolder.Find("TeamsChecks", "The Adaptive Card and Teams manifest checks");

    /// <summary>Where the bad examples the checks must reject live.</summary>
    public string TestData => Path.Combine(Folder.Path, "TestData");

    public Task InitializeAsync() => Folder.EnsureInstalledAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public Task<ProcessResult> CheckCardsAsync(params string[] paths) => Folder.RunScriptAsync("check-cards.mjs", paths);

    public Task<ProcessResult> CheckManifestsAsync(params string[] paths) => Folder.RunScriptAsync("check-manifest.mjs", paths);
}
