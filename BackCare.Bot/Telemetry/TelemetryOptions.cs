namespace BackCare.Bot.Telemetry;

/// <summary>The <c>Telemetry</c> section of the settings.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;

    /// <summary>The collector for <see cref="TelemetryExporter.Otlp"/>; empty takes OTEL_EXPORTER_OTLP_ENDPOINT or the OTLP default (localhost:4317).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>How often metrics are exported, in milliseconds.</summary>
    public int MetricExportIntervalMilliseconds { get; set; } = 60_000;

    /// <summary>The service name the collector files everything under.</summary>
    public string ServiceName { get; set; } = BotTelemetry.Name;
}
