using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace BackCare.Bot.Hosting;

/// <summary>
/// The connector factory of one turn (or one proactive call): a thin view over the shared
/// <see cref="ConnectorClientCache"/>, keyed by the app id the SDK's own factory was made for. No
/// audience means the SDK's default one, <paramref name="defaultAudience"/>, made explicit so that
/// both ways of asking for it share a client.
/// </summary>
internal sealed class CachingConnectorFactory(ConnectorFactory sdkFactory, string? appId, string? defaultAudience, ConnectorClientCache cache) : ConnectorFactory
{
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
        cache.GetAsync(appId, serviceUrl, audience ?? defaultAudience, sdkFactory, cancellationToken);
}
