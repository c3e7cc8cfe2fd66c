using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackCare.Bot.TeamsPackage;

/// <summary>
/// Turns the appPackage/ folder (manifest.json with a placeholder id, color.png, outline.png) into the zip
/// Teams accepts: the app id and every bot id set to the given Microsoft App ID, the three files at the zip's root.
/// </summary>
public static class TeamsPackageBuilder
{
    /// <summary>The id the folder's manifest carries until a real Microsoft App ID replaces it.</summary>
    public const string PlaceholderId = "00000000-0000-0000-0000-000000000000";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// Checks that <paramref name="appId"/> is a GUID in the 8-4-4-4-12 form the Azure portal shows, and not the placeholder;
    /// returns it in lower case.
    /// </summary>
    public static string ParseAppId(string? appId)
    {
        var trimmed = appId?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new TeamsPackageException("The Microsoft App ID is empty.");
        }

        if (!Guid.TryParseExact(trimmed, "D", out var guid))
        {
            throw new TeamsPackageException(
                $"\"{appId}\" is not a Microsoft App ID: expected a GUID like 1b4f0c3e-8d2a-4a5b-9c6d-7e8f9a0b1c2d " +
                "(the bot registration's \"Microsoft App ID\" in the Azure portal).");
        }

        if (guid == Guid.Empty)
        {
            throw new TeamsPackageException(
                $"{PlaceholderId} is the placeholder in appPackage/manifest.json, not a real Microsoft App ID.");
        }

        return guid.ToString("D");
    }

    /// <summary>
    /// Returns <paramref name="manifestJson"/> with the app's "id" and every bots[].botId set to <paramref name="appId"/>
    /// (Teams wants both to be GUIDs; using the bot's id for the app is what the Bot Framework samples do).
    /// </summary>
    public static string ApplyAppId(string manifestJson, string appId)
    {
        var id = ParseAppId(appId);
        if (JsonNode.Parse(manifestJson) is not JsonObject manifest)
        {
            throw new TeamsPackageException("manifest.json is not a JSON object.");
        }

        if (manifest["bots"] is not JsonArray { Count: > 0 } bots)
        {
            throw new TeamsPackageException("manifest.json has no bots[] entry to put the Microsoft App ID in.");
        }

        manifest["id"] = id;
        foreach (var bot in bots)
        {
            if (bot is JsonObject botObject)
            {
                botObject["botId"] = id;
            }
        }

        return manifest.ToJsonString(Indented) + "\n";
    }

    /// <summary>
    /// Writes the Teams app package for <paramref name="appId"/> from the folder <paramref name="packageDirectory"/>
    /// (manifest.json and the icons it names) to <paramref name="zipPath"/>, replacing any earlier zip there.
    /// </summary>
    public static void Build(string packageDirectory, string appId, string zipPath)
    {
        var manifestPath = Path.Combine(packageDirectory, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new TeamsPackageException($"No manifest.json in {Path.GetFullPath(packageDirectory)}.");
        }

        var manifestJson = ApplyAppId(File.ReadAllText(manifestPath), appId);
        var icons = IconFiles(manifestJson);

        var fullZipPath = Path.GetFullPath(zipPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullZipPath)!);
        var temporary = fullZipPath + ".tmp";
        using (var stream = File.Create(temporary))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            var manifestEntry = zip.CreateEntry("manifest.json", CompressionLevel.Optimal);
            using (var writer = new StreamWriter(manifestEntry.Open()))
            {
                writer.Write(manifestJson);
            }

            foreach (var icon in icons)
            {
                var iconPath = Path.Combine(packageDirectory, icon);
                if (!File.Exists(iconPath))
                {
                    throw new TeamsPackageException($"manifest.json names the icon {icon}, which is not in {Path.GetFullPath(packageDirectory)}.");
                }

                // Teams wants the icons at the root of the zip, whatever folder they come from.
                zip.CreateEntryFromFile(iconPath, Path.GetFileName(icon), CompressionLevel.Optimal);
            }
        }

        File.Move(temporary, fullZipPath, overwrite: true);
    }

    private static IReadOnlyList<string> IconFiles(string manifestJson)
    {
        var icons = JsonNode.Parse(manifestJson)?["icons"];
        var files = new List<string>();
        foreach (var key in new[] { "color", "outline" })
        {
            var file = icons?[key]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(file))
            {
                throw new TeamsPackageException($"manifest.json has no icons.{key}.");
            }

            files.Add(file);
        }

        return files;
    }
}
