using Microsoft.Bot.Builder;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackCare.Bot.Telemetry;

/// <summary>Ready while the storage answers a read of one key (which need not exist) within <see cref="Timeout"/>.</summary>
public sealed class StorageHealthCheck(IStorage storage) : IHealthCheck
{
    public const string ProbeKey = "readiness/probe";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await storage.ReadAsync([ProbeKey], timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The type only, as everywhere: a storage error's message can carry a connection detail or a key.
            return HealthCheckResult.Unhealthy($"Storage cannot be read ({e.GetType().Name}).");
        }
    }
}
