using System.Text.Json;

namespace BackCare.Bot.TeamsPackage;

/// <summary>
/// Where the Microsoft App ID comes from when --app-id is not given: the MicrosoftAppId environment variable,
/// else MicrosoftAppId in the top-level appsettings.json (the same setting the bot itself reads; the variable wins, as in the bot).
/// </summary>
public static class AppIdSource
{
    public const string SettingName = "MicrosoftAppId";

    /// <summary>The configured app id, or null when neither the environment nor appsettings.json sets one.</summary>
    public static string? FromConfiguration(string? appSettingsPath, Func<string, string?> environment)
    {
        var fromEnvironment = environment(SettingName);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment.Trim();
        }

        if (appSettingsPath is null || !File.Exists(appSettingsPath))
        {
            return null;
        }

        using var document = JsonDocument.Parse(
            File.ReadAllText(appSettingsPath),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty(SettingName, out var value)
            && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;
    }

    /// <summary>The app id to package: <paramref name="commandLine"/> if given, else the configured one, else a clear error.</summary>
    public static string Resolve(string? commandLine, string? appSettingsPath, Func<string, string?> environment)
    {
        var appId = string.IsNullOrWhiteSpace(commandLine) ? FromConfiguration(appSettingsPath, environment) : commandLine;
        if (appId is null)
        {
            throw new TeamsPackageException(
                "No Microsoft App ID: pass --app-id <GUID>, or set MicrosoftAppId in appsettings.json or the environment " +
                "(export MicrosoftAppId=<GUID>). It is the \"Microsoft App ID\" of the Azure Bot registration.");
        }

        return TeamsPackageBuilder.ParseAppId(appId);
    }
}
