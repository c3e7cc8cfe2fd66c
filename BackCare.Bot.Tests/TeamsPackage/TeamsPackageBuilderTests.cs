using System.IO.Compression;
using System.Text.Json.Nodes;
using BackCare.Bot.TeamsPackage;

namespace BackCare.Bot.Tests.TeamsPackage;

public sealed class TeamsPackageBuilderTests : IDisposable
{
    private const string AppId = "1b4f0c3e-8d2a-4a5b-9c6d-7e8f9a0b1c2d";

    private readonly string _workDirectory = Directory.CreateTempSubdirectory("backcare-teams-").FullName;

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    [Fact]
    public void The_folder_manifest_carries_the_placeholder_id_for_the_app_and_the_bot()
    {
        var manifest = ReadManifest(File.ReadAllText(System.IO.Path.Combine(AppPackageFolder.Path, "manifest.json")));

        Assert.Equal(TeamsPackageBuilder.PlaceholderId, (string?)manifest["id"]);
        Assert.Equal(TeamsPackageBuilder.PlaceholderId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal("1.17", (string?)manifest["manifestVersion"]);
        Assert.Equal(["personal"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void The_app_id_replaces_the_app_id_and_every_bot_id_and_nothing_else()
    {
        var original = File.ReadAllText(System.IO.Path.Combine(AppPackageFolder.Path, "manifest.json"));

        var result = TeamsPackageBuilder.ApplyAppId(original, AppId.ToUpperInvariant());

        var manifest = ReadManifest(result);
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.All(manifest["bots"]!.AsArray(), bot => Assert.Equal(AppId, (string?)bot!["botId"]));
        Assert.DoesNotContain(TeamsPackageBuilder.PlaceholderId, result);

        // Everything else is as in the folder.
        var expected = ReadManifest(original);
        expected["id"] = AppId;
        foreach (var bot in expected["bots"]!.AsArray())
        {
            bot!["botId"] = AppId;
        }

        Assert.True(JsonNode.DeepEquals(expected, manifest));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not-a-guid")]
    [InlineData("1b4f0c3e8d2a4a5b9c6d7e8f9a0b1c2d")]
    [InlineData("{1b4f0c3e-8d2a-4a5b-9c6d-7e8f9a0b1c2d}")]
    [InlineData("1b4f0c3e-8d2a-4a5b-9c6d-7e8f9a0b1c2")]
    [InlineData("1b4f0c3e-8d2a-4a5b-9c6d-7e8f9a0b1c2g")]
    [InlineData(TeamsPackageBuilder.PlaceholderId)]
    public void A_bad_app_id_is_rejected_and_no_zip_is_written(string appId)
    {
        var zip = System.IO.Path.Combine(_workDirectory, "backcare.zip");

        var error = Assert.Throws<TeamsPackageException>(() => TeamsPackageBuilder.Build(AppPackageFolder.Path, appId, zip));

        Assert.Contains("Microsoft App ID", error.Message);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public void The_zip_holds_the_manifest_and_both_icons_at_its_root_and_nothing_else()
    {
        var zipPath = System.IO.Path.Combine(_workDirectory, "out", "backcare.zip");

        TeamsPackageBuilder.Build(AppPackageFolder.Path, AppId, zipPath);

        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        var manifest = ReadManifest(ReadText(zip.GetEntry("manifest.json")!));
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.Equal(AppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(File.ReadAllBytes(System.IO.Path.Combine(AppPackageFolder.Path, "color.png")), ReadBytes(zip.GetEntry("color.png")!));
        Assert.Equal(File.ReadAllBytes(System.IO.Path.Combine(AppPackageFolder.Path, "outline.png")), ReadBytes(zip.GetEntry("outline.png")!));
    }

    [Fact]
    public void Building_again_replaces_the_earlier_zip()
    {
        var zipPath = System.IO.Path.Combine(_workDirectory, "backcare.zip");
        const string OtherAppId = "2c5a1d4f-9e3b-4b6c-8d7e-8f9a0b1c2d3e";

        TeamsPackageBuilder.Build(AppPackageFolder.Path, AppId, zipPath);
        TeamsPackageBuilder.Build(AppPackageFolder.Path, OtherAppId, zipPath);

        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(OtherAppId, (string?)ReadManifest(ReadText(zip.GetEntry("manifest.json")!))["id"]);
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void The_icons_have_the_sizes_Teams_requires(string file, int size)
    {
        var png = PngImage.Read(File.ReadAllBytes(System.IO.Path.Combine(AppPackageFolder.Path, file)));

        Assert.Equal(size, png.Width);
        Assert.Equal(size, png.Height);
    }

    [Fact]
    public void The_outline_icon_is_white_on_transparent()
    {
        var pixels = PngImage.Read(File.ReadAllBytes(System.IO.Path.Combine(AppPackageFolder.Path, "outline.png"))).Rgba();

        var visible = 0;
        var transparent = 0;
        for (var i = 0; i < pixels.Length; i += 4)
        {
            if (pixels[i + 3] == 0)
            {
                transparent++;
                continue;
            }

            visible++;
            Assert.True(
                pixels[i] == 255 && pixels[i + 1] == 255 && pixels[i + 2] == 255,
                $"pixel {i / 4} is ({pixels[i]}, {pixels[i + 1]}, {pixels[i + 2]}, {pixels[i + 3]}), not white");
        }

        Assert.True(visible > 0, "the outline icon draws nothing");
        Assert.True(transparent > 0, "the outline icon has no transparent background");
    }

    [Fact]
    public void The_colour_icon_is_opaque_in_the_middle_and_in_colour()
    {
        var png = PngImage.Read(File.ReadAllBytes(System.IO.Path.Combine(AppPackageFolder.Path, "color.png")));
        var pixels = png.Rgba();

        var colours = Enumerable.Range(0, pixels.Length / 4)
            .Select(i => (pixels[i * 4], pixels[(i * 4) + 1], pixels[(i * 4) + 2], pixels[(i * 4) + 3]))
            .Where(p => p.Item4 == 255)
            .Distinct()
            .Count();
        var centre = (((png.Height / 2) * png.Width) + (png.Width / 2)) * 4;
        Assert.Equal(255, pixels[centre + 3]);
        Assert.True(colours > 2, "the colour icon should be more than one flat colour");
    }

    private static JsonObject ReadManifest(string json) => JsonNode.Parse(json)!.AsObject();

    private static string ReadText(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private static byte[] ReadBytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
