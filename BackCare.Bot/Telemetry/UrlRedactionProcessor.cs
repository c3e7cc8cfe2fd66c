using System.Diagnostics;
using OpenTelemetry;

namespace BackCare.Bot.Telemetry;

/// <summary>
/// Rewrites <c>url.full</c> on every finished span before it is exported: the HTTP client instrumentation records
/// the connector's URLs, whose paths hold conversation and activity ids (<see cref="ConnectorUrl"/>).
/// </summary>
public sealed class UrlRedactionProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.GetTagItem("url.full") is string url)
        {
            data.SetTag("url.full", ConnectorUrl.Redact(Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null));
        }

        if (data.GetTagItem("url.path") is string path && !path.StartsWith("/api/messages", StringComparison.Ordinal))
        {
            data.SetTag("url.path", "{redacted}");
        }
    }
}
