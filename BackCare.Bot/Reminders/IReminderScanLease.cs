namespace BackCare.Bot.Reminders;

/// <summary>
/// Lets one bot instance at a time scan for due reminders. Only a saving: a second scanner would still send nothing
/// twice (each reminder is claimed with its ETag before it is sent), but it would read and claim for nothing.
/// </summary>
public interface IReminderScanLease
{
    /// <summary>Takes the lease, or extends it if this instance holds it; false when another instance holds it.</summary>
    Task<bool> TryAcquireAsync(TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up early, so the next tick of any instance may take it.</summary>
    Task ReleaseAsync(CancellationToken cancellationToken);
}
