namespace BackCare.Bot.Storage;

/// <summary>Deletes expired activity claims now and then, so the shared storage does not fill with them.</summary>
public sealed class ActivityClaimSweeper(IActivityClaims claims, TimeProvider time, ILogger<ActivityClaimSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    var removed = await claims.RemoveExpiredAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                    logger.LogDebug("Removed {Count} expired activity claims", removed);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The storage is down for now; the next sweep tries again.
                    logger.LogWarning(e, "Could not remove expired activity claims");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
