using System.Diagnostics.CodeAnalysis;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Teams;
using Microsoft.Rest;

namespace BackCare.Bot.Hosting;

/// <summary>
/// A <see cref="ConnectorClient"/> that outlives turns. CloudAdapter disposes the turn's connector
/// client when the turn ends; for this one that dispose is ignored, and only
/// <see cref="ConnectorClientCache"/> really releases it (when the host stops). It stays a
/// ConnectorClient rather than a wrapper so that code which looks for one (TeamsInfo builds its
/// Teams client from the ConnectorClient's HttpClient) still finds it.
/// </summary>
/// <remarks>
/// Shared by concurrent turns, which is safe: each call builds its own HttpRequestMessage, sends it
/// through HttpClient (thread-safe), serializes with settings that are only read (Newtonsoft's
/// contract cache is thread-safe) and asks the credentials for a token (MSAL's cache is thread-safe).
/// What is not safe is changing it, so nothing does after construction: BaseUri is the cache key's
/// serviceUrl, and the HttpClient's default headers are set before it is published.
/// </remarks>
internal sealed class ReusableConnectorClient : ConnectorClient
{
    private int _released;

    public ReusableConnectorClient(Uri serviceUrl, ServiceClientCredentials credentials, HttpClient httpClient)
        : base(serviceUrl, credentials, Prepare(serviceUrl, credentials, httpClient), disposeHttpClient: true)
    {
    }

    /// <summary>Whether <see cref="Release"/> has run; a released client must not be handed out again.</summary>
    public bool IsReleased => Volatile.Read(ref _released) == 1;

    /// <summary>Really disposes the client and its HttpClient (the pooled handler stays with IHttpClientFactory).</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            base.Dispose(disposing: true);
        }
    }

    [SuppressMessage("Usage", "CA2215:Dispose methods should call base class dispose", Justification = "The point of this class: the client outlives the turn; Release disposes the base.")]
    protected override void Dispose(bool disposing)
    {
        // Called by CloudAdapter at the end of every turn: the client is shared with other turns, so keep it.
    }

    /// <summary>Sets the HttpClient's default headers while nobody else uses it: changing them later would race with sends.</summary>
    private static HttpClient Prepare(Uri serviceUrl, ServiceClientCredentials credentials, HttpClient httpClient)
    {
        // The headers the SDK's own connector factory adds (User-Agent, Accept).
        AddDefaultRequestHeaders(httpClient);

        // TeamsInfo builds a TeamsConnectorClient on this client's HttpClient, which adds its User-Agent entries
        // unless they are there already: put them there now, so that it finds them and changes nothing.
        using (new TeamsConnectorClient(serviceUrl, credentials, httpClient, disposeHttpClient: false))
        {
        }

        return httpClient;
    }
}
