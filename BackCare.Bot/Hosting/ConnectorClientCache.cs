using System.Collections.Concurrent;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace BackCare.Bot.Hosting;

/// <summary>
/// One long-lived <see cref="ConnectorClient"/> per (bot app id, serviceUrl, audience), instead of
/// the new one (with a new HttpClient and new JSON serialization settings, whose contracts are then
/// rebuilt by reflection on the first reply) that the SDK's connector factory builds for every turn.
/// The SDK's older BotFrameworkAdapter kept connector clients the same way.
/// </summary>
/// <remarks>
/// Credentials still come from the SDK: on a miss the SDK's own factory builds a client for the key,
/// and its credentials (app id, audience, login endpoint, tenant or managed identity, as configured)
/// are kept; the cached client sends through a named HttpClient from IHttpClientFactory, so all of
/// them share one pooled handler. The number of clients is bounded because a serviceUrl comes from
/// the request (in local mode, without token checks, from anyone): past <see cref="Capacity"/>, turns
/// get the SDK's per-turn client, exactly as without this cache.
/// </remarks>
public sealed class ConnectorClientCache : IDisposable
{
    /// <summary>The named HttpClient (IHttpClientFactory) the cached clients send through.</summary>
    public const string HttpClientName = "BotConnector";

    /// <summary>Far more than the handful of serviceUrls a Teams bot sees (one per region), small enough to be harmless.</summary>
    public const int DefaultCapacity = 1000;

    private readonly ConcurrentDictionary<(string AppId, string ServiceUrl, string? Audience), Lazy<Task<ReusableConnectorClient>>> _clients = new();
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ILogger<ConnectorClientCache> _logger;
    private int _warnedFull;
    private bool _disposed;

    public ConnectorClientCache(IHttpClientFactory httpClientFactory, ILogger<ConnectorClientCache> logger)
        : this(httpClientFactory, logger, DefaultCapacity)
    {
    }

    internal ConnectorClientCache(IHttpClientFactory httpClientFactory, ILogger<ConnectorClientCache> logger, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _httpClientFactory = httpClientFactory;
        _logger = logger;
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>How many clients are cached now.</summary>
    public int Count => _clients.Count;

    /// <summary>
    /// The cached client for the key, created through <paramref name="sdkFactory"/> on first use; or,
    /// when the cache is full, a client of the SDK's own for this turn only (the adapter disposes it).
    /// </summary>
    public async Task<IConnectorClient> GetAsync(string? appId, string serviceUrl, string? audience, ConnectorFactory sdkFactory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentNullException.ThrowIfNull(sdkFactory);
        ObjectDisposedException.ThrowIf(_disposed, this);

        // The audience is part of the key: another audience (a skill's caller, another cloud's scope) means other credentials.
        var key = (appId ?? string.Empty, serviceUrl, audience);
        if (!_clients.TryGetValue(key, out var entry))
        {
            // Checked before adding, so concurrent first turns may take it a few past the limit: it bounds growth, not an exact count.
            if (_clients.Count >= Capacity)
            {
                if (Interlocked.Exchange(ref _warnedFull, 1) == 0)
                {
                    _logger.LogWarning("{Count} connector clients are cached, the most allowed: turns for new serviceUrls get a client of their own", _clients.Count);
                }

                return await sdkFactory.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
            }

            // Lazy: concurrent first turns for one key build one client. Not cancellable on purpose: building it
            // does no I/O, and a cancelled first turn must not leave a cancelled task for everyone else.
            entry = _clients.GetOrAdd(key, k => new Lazy<Task<ReusableConnectorClient>>(() => CreateAsync(k.ServiceUrl, k.Audience, sdkFactory)));
        }

        try
        {
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A failed build (say the credentials are misconfigured) is not cached: the next turn tries again.
            _clients.TryRemove(new KeyValuePair<(string, string, string?), Lazy<Task<ReusableConnectorClient>>>(key, entry));
            throw;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var entry in _clients.Values)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
            {
                entry.Value.Result.Release();
            }
        }

        _clients.Clear();
    }

    private async Task<ReusableConnectorClient> CreateAsync(string serviceUrl, string? audience, ConnectorFactory sdkFactory)
    {
        // The SDK's client for this key, built once, only for its credentials: they are made exactly as the SDK makes them.
        using var template = await sdkFactory.CreateAsync(serviceUrl, audience, CancellationToken.None).ConfigureAwait(false);
        var client = new ReusableConnectorClient(new Uri(serviceUrl), template.Credentials, _httpClientFactory.CreateClient(HttpClientName));
        _logger.LogInformation("Connector client created for {ServiceUrl}", serviceUrl);
        return client;
    }
}
