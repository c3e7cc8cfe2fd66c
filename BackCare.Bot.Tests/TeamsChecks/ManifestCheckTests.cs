using System.IO.Compression;
using System.Text.Json.Nodes;
using BackCare.Bot.TeamsPackage;
using BackCare.Bot.Tests.TeamsPackage;

namespace BackCare.Bot.Tests.TeamsChecks;

/// <summary>
/// The Teams app manifest against Microsoft's JSON schema for its version (check-manifest.mjs, with the schema
/// copies pinned in @microsoft/app-manifest): the folder's manifest, the one the packager writes into the zip, and
/// broken copies the check must reject.
/// </summary>
public sealed class ManifestCheckTests(TeamsChecksFolder checks) : IClassFixture<TeamsChecksFolder>, IDisposable
{
    private const string AppId = "1b4f0c3e-8d2a-4a5b-9c6d-7e8f9a0b1c2d";

    private readonly string _workDirectory = Directory.CreateTempSubdirectory("backcare-manifest-").FullName;

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    [Fact]
    public async Task The_app_package_folder_manifest_matches_its_schema()
    {
        var result = await checks.CheckManifestsAsync(AppPackageFolder.Path);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("manifest: 1 checked, 0 errors", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manifest_in_the_built_package_matches_its_schema()
    {
        var zip = Path.Combine(_workDirectory, "backcare.zip");
        TeamsPackageBuilder.Build(AppPackageFolder.Path, AppId, zip);
        var unpacked = Path.Combine(_workDirectory, "unpacked");
        await ZipFile.ExtractToDirectoryAsync(zip, unpacked);

        var result = await checks.CheckManifestsAsync(unpacked);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("manifest: 1 checked, 0 errors", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown-property", "/: must NOT have additional properties (colour)")]
    [InlineData("bot-without-scopes", "/bots/0: must have required property 'scopes'")]
    [InlineData("command-title-too-long", "/bots/0/commandLists/0/commands/0/title: must NOT have more than 32 characters")]
    [InlineData("short-name-missing", "/name: must have required property 'short'")]
    [InlineData("version-not-semver", "version \"1.0\" is not MAJOR.MINOR.PATCH")]
    [InlineData("version-of-another-schema", "manifestVersion \"1.16\" is not 1.17")]
    [InlineData("schema-not-named", "$schema \"https://example.org/manifest.json\" does not name a Teams manifest schema version")]
    public async Task The_manifest_check_rejects_a_manifest_Teams_would_refuse(string fault, string problem)
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppPackageFolder.Path, "manifest.json")))!.AsObject();
        Break(manifest, fault);
        var file = Path.Combine(_workDirectory, fault + ".json");
        await File.WriteAllTextAsync(file, manifest.ToJsonString());

        var result = await checks.CheckManifestsAsync(file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error {file}: {problem}", result.Output, StringComparison.Ordinal);
    }

    private static void Break(JsonObject manifest, string fault)
    {
        var bot = manifest["bots"]![0]!.AsObject();
        switch (fault)
        {
            case "unknown-property":
                manifest["colour"] = "blue";
                break;
            case "bot-without-scopes":
                bot.Remove("scopes");
                break;
            case "command-title-too-long":
                bot["commandLists"]![0]!["commands"]![0]!["title"] = new string('x', 33);
                break;
            case "short-name-missing":
                manifest["name"]!.AsObject().Remove("short");
                break;
            case "version-not-semver":
                manifest["version"] = "1.0";
                break;
            case "version-of-another-schema":
                manifest["manifestVersion"] = "1.16";
                break;
            case "schema-not-named":
                manifest["$schema"] = "https://example.org/manifest.json";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }
}
