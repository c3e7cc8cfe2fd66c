using System.Security.Cryptography;
using System.Text;
using BackCare.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Hosting;

/// <summary>
/// Runs each incoming activity once across every instance: before the turn, the activity's id is claimed in the
/// shared storage (<see cref="IActivityClaims"/>), and an activity already claimed (the channel sending it again,
/// to this instance or another, while or shortly after it ran) is skipped without a reply. The saved state's
/// recent ids (DialogExtensions) still catch a re-delivery after the claim has expired. A turn that fails gives
/// its claim back, so the channel's next try runs; a storage that cannot take claims lets the turn run (an answer
/// given twice is better than none).
/// </summary>
public sealed class ActivityClaimMiddleware(IActivityClaims claims, TimeProvider time, ILogger<ActivityClaimMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    /// <summary>How long a claim stands: well past the channel's re-sends (seconds to a minute or two).</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(10);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var claim = ClaimId(turnContext.Activity);
        if (claim is null)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        bool claimed;
        try
        {
            claimed = await claims.TryClaimAsync(claim, time.GetUtcNow() + ClaimLifetime, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not claim an incoming activity; running its turn unclaimed");
            claimed = true;
        }

        if (!claimed)
        {
            logger.LogInformation("Skipped a {Type} activity already taken by a turn (the channel sent it again)", turnContext.Activity.Type);
            return;
        }

        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAsync(claim).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The claim for <paramref name="activity"/>: a hash of channel, conversation and activity id (fixed length, fit
    /// for a blob name, and no ids in plain text); null for activities not claimed. Invokes are left out: the channel
    /// waits for their answer in the same request, so a skipped one would fail rather than be quiet.
    /// </summary>
    internal static string? ClaimId(IActivity activity)
    {
        if (string.IsNullOrEmpty(activity.Id) || activity.Type == ActivityTypes.Invoke)
        {
            return null;
        }

        var source = $"{activity.ChannelId}\n{activity.Conversation?.Id}\n{activity.Id}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
    }

    private async Task ReleaseAsync(string claim)
    {
        try
        {
            // Not the turn's token: a cancelled turn must still give its claim back.
            await claims.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not release the claim of a failed turn; it expires in {Minutes} minutes", ClaimLifetime.TotalMinutes);
        }
    }
}
