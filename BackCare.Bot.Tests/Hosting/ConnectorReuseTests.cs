using System.Security.Claims;
using BackCare.Bot.Hosting;
using BackCare.Bot.Tests.Http;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Connector.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackCare.Bot.Tests.Hosting;

public sealed class ConnectorReuseTests
{
    private const string ServiceUrlA = "http://127.0.0.1:9/a/";
    private const string ServiceUrlB = "http://127.0.0.1:9/b/";

    [Fact]
    public async Task Two_turns_on_one_serviceUrl_get_the_same_connector_client_and_another_serviceUrl_a_different_one()
    {
        using var factory = new BotApplicationFactory();
        var auth = factory.Services.GetRequiredService<BotFrameworkAuthentication>();
        Assert.IsType<ReusingBotFrameworkAuthentication>(auth);

        var first = await ClientForTurnAsync(auth, ServiceUrlA);
        var second = await ClientForTurnAsync(auth, ServiceUrlA);
        var other = await ClientForTurnAsync(auth, ServiceUrlB);

        Assert.Same(first, second);
        Assert.NotSame(first, other);
        Assert.Equal(new Uri(ServiceUrlA), first.BaseUri);
        Assert.Equal(new Uri(ServiceUrlB), other.BaseUri);
        Assert.Equal(2, factory.Services.GetRequiredService<ConnectorClientCache>().Count);
    }

    [Fact]
    public async Task The_adapter_disposing_the_turns_client_leaves_it_usable_and_still_a_ConnectorClient()
    {
        using var factory = new BotApplicationFactory();
        var auth = factory.Services.GetRequiredService<BotFrameworkAuthentication>();

        var client = await ClientForTurnAsync(auth, ServiceUrlA);

        // TeamsInfo looks for a ConnectorClient to borrow its HttpClient; a disposed one would have none.
        var connectorClient = Assert.IsAssignableFrom<ConnectorClient>(client);
        Assert.NotNull(connectorClient.HttpClient);
        Assert.Contains(connectorClient.HttpClient.DefaultRequestHeaders.UserAgent, p => p.Product?.Name == "Microsoft-BotFramework");
    }

    [Fact]
    public async Task TeamsInfo_borrowing_the_shared_HttpClient_does_not_change_its_headers_under_other_turns()
    {
        using var factory = new BotApplicationFactory();
        var client = (ConnectorClient)await ClientForTurnAsync(factory.Services.GetRequiredService<BotFrameworkAuthentication>(), ServiceUrlA);
        var headers = client.HttpClient.DefaultRequestHeaders.ToString();

        // What TeamsInfo does with the turn's ConnectorClient.
        using (new TeamsConnectorClient(client.BaseUri, client.Credentials, client.HttpClient, disposeHttpClient: false))
        {
        }

        Assert.Equal(headers, client.HttpClient.DefaultRequestHeaders.ToString());
    }

    [Fact]
    public async Task A_proactive_connector_factory_shares_the_cache_with_turns()
    {
        using var factory = new BotApplicationFactory();
        var auth = factory.Services.GetRequiredService<BotFrameworkAuthentication>();
        var turnClient = await ClientForTurnAsync(auth, ServiceUrlA);

        var proactive = auth.CreateConnectorFactory(new ClaimsIdentity([], "anonymous"));
        var proactiveClient = await proactive.CreateAsync(ServiceUrlA, audience: null, CancellationToken.None);

        Assert.Same(turnClient, proactiveClient);
    }

    [Fact]
    public async Task With_an_app_id_a_request_without_a_token_is_still_refused_by_the_SDK()
    {
        using var factory = new BotApplicationFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "6c9d7b42-5b7e-4a3f-9b7a-0f3c1d2e4a5b",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });
        var auth = factory.Services.GetRequiredService<BotFrameworkAuthentication>();
        Assert.IsType<ReusingBotFrameworkAuthentication>(auth);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => auth.AuthenticateRequestAsync(Turn(ServiceUrlA, "msteams"), string.Empty, CancellationToken.None));
    }

    [Fact]
    public void The_setting_turns_the_reuse_off_and_gives_the_SDKs_own_authentication()
    {
        using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["BackCare:ReuseConnectorClients"] = "false" });

        Assert.IsType<ConfigurationBotFrameworkAuthentication>(factory.Services.GetRequiredService<BotFrameworkAuthentication>());
    }

    [Fact]
    public async Task The_user_token_client_is_created_only_when_a_turn_uses_it_and_disposed_with_the_turn()
    {
        var inner = new CountingAuthentication();
        using var cache = NewCache(capacity: 10);
        var auth = new ReusingBotFrameworkAuthentication(inner, cache);
        var identity = new ClaimsIdentity([], "anonymous");

        var unused = await auth.CreateUserTokenClientAsync(identity, CancellationToken.None);
        unused.Dispose();
        Assert.Equal(0, inner.UserTokenClientsCreated);

        var used = await auth.CreateUserTokenClientAsync(identity, CancellationToken.None);
        await used.GetTokenStatusAsync("user", "msteams", string.Empty, CancellationToken.None);
        await used.GetTokenStatusAsync("user", "msteams", string.Empty, CancellationToken.None);
        Assert.Equal(1, inner.UserTokenClientsCreated);

        used.Dispose();
        Assert.True(inner.LastUserTokenClient!.Disposed);
    }

    [Fact]
    public async Task Concurrent_first_turns_on_one_serviceUrl_build_one_client()
    {
        using var cache = NewCache(capacity: 10);
        var sdkFactory = SdkConnectorFactory();

        var clients = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => cache.GetAsync(null, ServiceUrlA, null, sdkFactory, CancellationToken.None))));

        Assert.All(clients, client => Assert.Same(clients[0], client));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task Past_its_capacity_the_cache_grows_no_more_and_turns_get_a_client_of_their_own()
    {
        using var cache = NewCache(capacity: 1);
        var sdkFactory = SdkConnectorFactory();
        var cached = await cache.GetAsync(null, ServiceUrlA, null, sdkFactory, CancellationToken.None);

        using var ownFirst = await cache.GetAsync(null, ServiceUrlB, null, sdkFactory, CancellationToken.None);
        using var ownSecond = await cache.GetAsync(null, ServiceUrlB, null, sdkFactory, CancellationToken.None);

        Assert.NotSame(ownFirst, ownSecond);
        Assert.IsNotType<ReusableConnectorClient>(ownFirst);
        Assert.Same(cached, await cache.GetAsync(null, ServiceUrlA, null, sdkFactory, CancellationToken.None));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task Different_app_ids_and_audiences_never_share_a_client()
    {
        using var cache = NewCache(capacity: 10);
        var sdkFactory = SdkConnectorFactory();

        var local = await cache.GetAsync(null, ServiceUrlA, null, sdkFactory, CancellationToken.None);
        var otherApp = await cache.GetAsync("app-2", ServiceUrlA, null, sdkFactory, CancellationToken.None);
        var otherAudience = await cache.GetAsync(null, ServiceUrlA, "skill-caller", sdkFactory, CancellationToken.None);

        Assert.Equal(3, new[] { local, otherApp, otherAudience }.Distinct().Count());
    }

    [Fact]
    public async Task A_client_that_failed_to_build_is_not_cached_and_the_next_turn_tries_again()
    {
        using var cache = NewCache(capacity: 10);
        var flaky = new FlakyConnectorFactory(SdkConnectorFactory());

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(null, ServiceUrlA, null, flaky, CancellationToken.None));
        var client = await cache.GetAsync(null, ServiceUrlA, null, flaky, CancellationToken.None);

        Assert.IsType<ReusableConnectorClient>(client);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task Disposing_the_cache_when_the_host_stops_really_releases_the_clients()
    {
        var cache = NewCache(capacity: 10);
        var client = (ReusableConnectorClient)await cache.GetAsync(null, ServiceUrlA, null, SdkConnectorFactory(), CancellationToken.None);
        client.Dispose();
        Assert.False(client.IsReleased);

        cache.Dispose();

        Assert.True(client.IsReleased);
        Assert.Null(client.HttpClient);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => cache.GetAsync(null, ServiceUrlA, null, SdkConnectorFactory(), CancellationToken.None));
    }

    private static async Task<IConnectorClient> ClientForTurnAsync(BotFrameworkAuthentication auth, string serviceUrl)
    {
        // What CloudAdapter does for each turn: authenticate, ask the factory for a client, dispose it at the end.
        var result = await auth.AuthenticateRequestAsync(Turn(serviceUrl, "emulator"), string.Empty, CancellationToken.None);
        var client = await result.ConnectorFactory.CreateAsync(serviceUrl, result.Audience, CancellationToken.None);
        client.Dispose();
        return client;
    }

    private static Activity Turn(string serviceUrl, string channelId) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString(),
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        From = new ChannelAccount("user-1"),
        Recipient = new ChannelAccount("bot"),
        Conversation = new ConversationAccount(id: "conversation-1"),
        Text = "hi",
    };

    private static ConnectorClientCache NewCache(int capacity)
    {
        var services = new ServiceCollection();
        services.AddHttpClient();
        var httpClientFactory = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new ConnectorClientCache(httpClientFactory, NullLogger<ConnectorClientCache>.Instance, capacity);
    }

    /// <summary>The SDK's own connector factory, local mode (no app id).</summary>
    private static ConnectorFactory SdkConnectorFactory() =>
        new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build()).CreateConnectorFactory(new ClaimsIdentity([], "anonymous"));

    private sealed class FlakyConnectorFactory(ConnectorFactory inner) : ConnectorFactory
    {
        private int _calls;

        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new InvalidOperationException("credentials not ready")
                : inner.CreateAsync(serviceUrl, audience, cancellationToken);
    }

    /// <summary>An inner authentication that only counts the UserTokenClients it is asked for.</summary>
    private sealed class CountingAuthentication : BotFrameworkAuthentication
    {
        public int UserTokenClientsCreated { get; private set; }

        public FakeUserTokenClient? LastUserTokenClient { get; private set; }

        public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => throw new NotSupportedException();

        public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
        {
            UserTokenClientsCreated++;
            LastUserTokenClient = new FakeUserTokenClient();
            return Task.FromResult<UserTokenClient>(LastUserTokenClient);
        }
    }

    private sealed class FakeUserTokenClient : UserTokenClient
    {
        public bool Disposed { get; private set; }

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            Task.FromResult(Array.Empty<TokenStatus>());

        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
