using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Hosting;

/// <summary>
/// The configured BotFrameworkAuthentication (ConfigurationBotFrameworkAuthentication) with a faster
/// reply path. Everything about authentication is the SDK's, unchanged: every request's JWT is
/// validated by <see cref="AuthenticateRequestAsync"/> of the inner one, which also decides the
/// claims, audience and callerId. Only what the SDK rebuilds for every turn changes: the connector
/// factory it returns hands out cached ConnectorClients (<see cref="ConnectorClientCache"/>), and the
/// UserTokenClient is created only if a turn uses it.
/// </summary>
public sealed class ReusingBotFrameworkAuthentication : BotFrameworkAuthentication
{
    private readonly ConnectorClientCache _cache;
    private readonly Lazy<string?> _defaultAudience;

    public ReusingBotFrameworkAuthentication(BotFrameworkAuthentication inner, ConnectorClientCache cache)
    {
        Inner = inner;
        _cache = cache;
        _defaultAudience = new Lazy<string?>(() => DefaultAudienceOf(inner));
    }

    public BotFrameworkAuthentication Inner { get; }

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await Inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
        if (result.ConnectorFactory is { } sdkFactory)
        {
            result.ConnectorFactory = new CachingConnectorFactory(sdkFactory, AppIdOf(result.ClaimsIdentity), _defaultAudience.Value, _cache);
        }

        return result;
    }

    // Streaming (Direct Line ASE, named pipes) replies over its own connection with a factory of its own: nothing to reuse.
    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

    /// <summary>For proactive messages and CreateConversation: the same cache.</summary>
    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new CachingConnectorFactory(Inner.CreateConnectorFactory(claimsIdentity), AppIdOf(claimsIdentity), _defaultAudience.Value, _cache);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new LazyUserTokenClient(token => Inner.CreateUserTokenClientAsync(claimsIdentity, token)));

    public override BotFrameworkClient CreateBotFrameworkClient() => Inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => Inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        Inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    /// <summary>
    /// The bot's app id the SDK's connector factory takes from the claims (the "aud" claim, else
    /// "appid"), so that clients of different app ids never share credentials. Null in local mode.
    /// </summary>
    internal static string? AppIdOf(ClaimsIdentity? identity) =>
        identity?.Claims.FirstOrDefault(c => c.Type == AuthenticationConstants.AudienceClaim)?.Value
        ?? identity?.Claims.FirstOrDefault(c => c.Type == AuthenticationConstants.AppIdClaim)?.Value;

    /// <summary>
    /// The audience the SDK's connector factory uses when given none (proactive calls give none; turns
    /// give it explicitly), so both share a client. Null if the inner authentication does not say.
    /// </summary>
    private static string? DefaultAudienceOf(BotFrameworkAuthentication inner)
    {
        try
        {
            return inner.GetOriginatingAudience();
        }
        catch (NotImplementedException)
        {
            return null;
        }
    }
}
