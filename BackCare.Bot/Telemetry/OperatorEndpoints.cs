using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace BackCare.Bot.Telemetry;

public static class OperatorEndpoints
{
    public const string ReadyTag = "ready";

    public const string ReadinessPath = "/readyz";

    /// <summary>
    /// GET /readyz: 200 while the storage can be read, 503 while it cannot, so a load balancer stops sending turns
    /// that would fail. /healthz (BotEndpoints) stays liveness: it does not touch the storage, so an outage does
    /// not get the process restarted for nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(ReadinessPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }

    /// <summary>The probes, left out of the traces: a span every few seconds from the load balancer says nothing.</summary>
    public static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments(ReadinessPath);
}
