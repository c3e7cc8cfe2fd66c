namespace BackCare.Bot.Telemetry;

/// <summary>Where traces and metrics go: nowhere (the default), the console, or an OpenTelemetry collector over OTLP.</summary>
public enum TelemetryExporter
{
    None,
    Console,
    Otlp,
}
