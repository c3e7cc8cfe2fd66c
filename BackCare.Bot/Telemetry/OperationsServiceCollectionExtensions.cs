using BackCare.Bot.Reminders;
using BackCare.Bot.Unanswered;
using Microsoft.Bot.Builder;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BackCare.Bot.Telemetry;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>
    /// What operators and content editors see: spans and metrics (exported as the Telemetry settings say, off by
    /// default), the readiness check, and the count of unanswered messages. Call after AddBackCareBot: it wraps the
    /// bot, the storage and the proactive sender registered there.
    /// </summary>
    public static IServiceCollection AddBackCareOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        services.AddOptions<UnansweredOptions>().BindConfiguration(UnansweredOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UnansweredStore>();
        services.AddSingleton<UnansweredRecorder>();

        services.Decorate<IStorage>((_, inner) => new TracedStorage(inner));
        services.Decorate<IBot>((sp, inner) => new TracedBot(inner, sp.GetRequiredService<UnansweredRecorder>()));
        services.Decorate<IProactiveSender>((_, inner) => new CountedProactiveSender(inner));

        // HttpClient's own request logs name the connector URL, whose path holds the conversation id.
        services.AddLogging(logging => logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning));
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [OperatorEndpoints.ReadyTag]);

        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Exporter != TelemetryExporter.None)
        {
            AddOpenTelemetry(services, options);
        }

        return services;
    }

    private static void AddOpenTelemetry(IServiceCollection services, TelemetryOptions options)
    {
        var otlp = options.Exporter == TelemetryExporter.Otlp;
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(BotTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !OperatorEndpoints.IsProbe(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddProcessor(new UrlRedactionProcessor());
                if (otlp)
                {
                    tracing.AddOtlpExporter(exporter => Point(exporter, options));
                }
                else
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                // "Polly": the resilience pipeline's retry events, where connector calls go through one.
                metrics.AddMeter(BotTelemetry.Name, "Polly")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (otlp)
                {
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        Point(exporter, options);
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.MetricExportIntervalMilliseconds;
                    });
                }
                else
                {
                    metrics.AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.MetricExportIntervalMilliseconds);
                }
            });

        // The console already has the logs; over OTLP they go with the traces, so a log line finds its turn by trace id.
        if (otlp)
        {
            builder.WithLogging(logging => logging.AddOtlpExporter(exporter => Point(exporter, options)));
        }
    }

    private static void Point(OpenTelemetry.Exporter.OtlpExporterOptions exporter, TelemetryOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            exporter.Endpoint = new Uri(options.OtlpEndpoint);
        }
    }
}
