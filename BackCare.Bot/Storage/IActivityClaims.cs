namespace BackCare.Bot.Storage;

/// <summary>
/// Claims on incoming activity ids in the storage every instance shares, so that an activity the channel sends
/// again, to this instance or another, runs once. A claim is a conditional create: only one caller makes it.
/// Claims expire, so an id whose turn never finished (its process died) is not held for ever.
/// </summary>
public interface IActivityClaims
{
    /// <summary>Creates the claim <paramref name="id"/> until <paramref name="expires"/>; false when an unexpired claim already exists.</summary>
    Task<bool> TryClaimAsync(string id, DateTimeOffset expires, CancellationToken cancellationToken);

    /// <summary>Drops the claim, so that the activity may run again (its turn failed before answering).</summary>
    Task ReleaseAsync(string id, CancellationToken cancellationToken);

    /// <summary>Deletes the claims that expired before <paramref name="now"/>; how many.</summary>
    Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
