using BackCare.Bot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace BackCare.Bot.Tests.Storage;

/// <summary>
/// What every <see cref="IActivityClaims"/> keeps: one claim per id however many ask at once, across instances over
/// the same data; an expired claim can be taken again; a released one at once; expired ones are swept, live ones stay.
/// </summary>
public abstract class ActivityClaimsContractTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A new claims instance over the same data each call (a second bot instance).</summary>
    protected abstract IActivityClaims Open();

    [Fact]
    public async Task Of_many_instances_claiming_one_id_at_once_exactly_one_gets_it()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Open()).ToArray();
        var id = Guid.NewGuid().ToString("N");

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => instances[i % instances.Length].TryClaimAsync(id, Expires(), CancellationToken.None)));

        Assert.Single(results, claimed => claimed);
        Assert.True(await Open().TryClaimAsync("other-" + id, Expires(), CancellationToken.None));
    }

    [Fact]
    public async Task An_expired_claim_is_taken_again_once_and_a_released_one_at_once()
    {
        var claims = Open();
        Assert.True(await claims.TryClaimAsync("a", Expires(), CancellationToken.None));
        Time.Advance(Lifetime - TimeSpan.FromSeconds(1));
        Assert.False(await Open().TryClaimAsync("a", Expires(), CancellationToken.None));

        Time.Advance(TimeSpan.FromSeconds(2));
        var retaken = await Task.WhenAll(Open().TryClaimAsync("a", Expires(), CancellationToken.None), Open().TryClaimAsync("a", Expires(), CancellationToken.None));
        Assert.Single(retaken, claimed => claimed);

        await claims.ReleaseAsync("a", CancellationToken.None);
        Assert.True(await Open().TryClaimAsync("a", Expires(), CancellationToken.None));
    }

    [Fact]
    public async Task Expired_claims_are_removed_and_live_ones_stay()
    {
        var claims = Open();
        Assert.True(await claims.TryClaimAsync("old", Expires(), CancellationToken.None));
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await claims.TryClaimAsync("new", Expires(), CancellationToken.None));
        Time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(1, await Open().RemoveExpiredAsync(Time.GetUtcNow(), CancellationToken.None));

        Assert.False(await claims.TryClaimAsync("new", Expires(), CancellationToken.None));
        Assert.Equal(0, await claims.RemoveExpiredAsync(Time.GetUtcNow(), CancellationToken.None));
    }

    private DateTimeOffset Expires() => Time.GetUtcNow() + Lifetime;
}
