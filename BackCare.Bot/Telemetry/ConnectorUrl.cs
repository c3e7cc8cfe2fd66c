namespace BackCare.Bot.Telemetry;

/// <summary>
/// An outgoing URL as spans may show it: scheme, host and the path's fixed words, every other segment (a
/// conversation id, an activity id, a blob name) replaced with "{id}", and no query.
/// </summary>
public static class ConnectorUrl
{
    private static readonly HashSet<string> FixedSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "v3", "conversations", "activities", "members", "pagedmembers", "attachments", "views", "teams", "upload", "api", "botsignin", "usertoken",
    };

    public static string Redact(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return string.Empty;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => FixedSegments.Contains(s) ? s : "{id}");
        return $"{uri.Scheme}://{uri.Authority}/{string.Join('/', segments)}";
    }
}
