using System.Globalization;
using BackCare.Bot.Hosting;
using BackCare.Bot.TestSupport;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Process = System.Diagnostics.Process;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace BackCare.Bot.LoadTest;

/// <summary>
/// What the reply path costs per turn, one step at a time, in this process against the fake
/// connector: what CloudAdapter does for each turn (authenticate, get a connector client, send one
/// reply, dispose the client; create and dispose a UserTokenClient) with the SDK's authentication and
/// with BackCare's. Sequential, so CPU and allocations per turn can be read off directly; they
/// include the fake connector's share, which is the same for all.
/// </summary>
internal static class ReplyCostProbe
{
    public const string Command = "reply-cost";

    private const int Turns = 2000;
    private const int WarmupTurns = 200;

    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        // Keeping nothing: what the probe measures in this process should not include the connector's bookkeeping.
        await using var connector = await FakeConnector.StartAsync(keepRequests: false, cancellationToken).ConfigureAwait(false);
        var configuration = new ConfigurationBuilder().Build();

        await using var reusing = Services(configuration, reuse: true);
        await using var sdk = Services(configuration, reuse: false);
        var withFactory = new ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: reusing.GetRequiredService<IHttpClientFactory>());

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reply path cost per turn, {Turns} sequential turns each, local mode (no app id), one reply per turn to {connector.ServiceUrl}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"",-72} {"wall ms",8} {"CPU ms",8} {"alloc KB",9}"));
        var authentications = new (string Name, BotFrameworkAuthentication Auth)[]
        {
            ("SDK as configured before (no IHttpClientFactory)", sdk.GetRequiredService<BotFrameworkAuthentication>()),
            ("SDK with IHttpClientFactory (pooled handler)", withFactory),
            ("BackCare now (ReusingBotFrameworkAuthentication)", reusing.GetRequiredService<BotFrameworkAuthentication>()),
        };

        foreach (var (name, auth) in authentications)
        {
            var received = connector.Received;
            await MeasureAsync(output, $"{name}: client + 1 reply", () => ReplyTurnAsync(auth, connector, cancellationToken)).ConfigureAwait(false);
            if (connector.Received - received != WarmupTurns + Turns)
            {
                throw new InvalidOperationException($"The connector got {connector.Received - received} replies, not {WarmupTurns + Turns}.");
            }

            await MeasureAsync(output, $"{name}: client, no reply", () => ClientOnlyAsync(auth, connector, cancellationToken)).ConfigureAwait(false);
            await MeasureAsync(output, $"{name}: UserTokenClient", () => UserTokenClientAsync(auth, cancellationToken)).ConfigureAwait(false);
        }

        return 0;
    }

    private static ServiceProvider Services(IConfiguration configuration, bool reuse)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection([new(ReplyPathOptions.Section + ":" + nameof(ReplyPathOptions.ReuseConnectorClients), reuse ? "true" : "false")])
            .Build() as IConfiguration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddBotFrameworkAuthentication();
        return services.BuildServiceProvider();
    }

    private static async Task ReplyTurnAsync(BotFrameworkAuthentication auth, FakeConnector connector, CancellationToken cancellationToken)
    {
        var activity = Activity(connector);
        var result = await auth.AuthenticateRequestAsync(activity, string.Empty, cancellationToken).ConfigureAwait(false);
        using var client = await result.ConnectorFactory.CreateAsync(activity.ServiceUrl, result.Audience, cancellationToken).ConfigureAwait(false);
        var reply = activity.CreateReply("Here is a reply of ordinary length, as a bot would send one.");
        await client.Conversations.ReplyToActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ClientOnlyAsync(BotFrameworkAuthentication auth, FakeConnector connector, CancellationToken cancellationToken)
    {
        var activity = Activity(connector);
        var result = await auth.AuthenticateRequestAsync(activity, string.Empty, cancellationToken).ConfigureAwait(false);
        using var client = await result.ConnectorFactory.CreateAsync(activity.ServiceUrl, result.Audience, cancellationToken).ConfigureAwait(false);
    }

    private static async Task UserTokenClientAsync(BotFrameworkAuthentication auth, CancellationToken cancellationToken)
    {
        using var client = await auth.CreateUserTokenClientAsync(new System.Security.Claims.ClaimsIdentity([], "anonymous"), cancellationToken).ConfigureAwait(false);
    }

    private static async Task MeasureAsync(TextWriter output, string name, Func<Task> turn)
    {
        for (var i = 0; i < WarmupTurns; i++)
        {
            await turn().ConfigureAwait(false);
        }

        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < Turns; i++)
        {
            await turn().ConfigureAwait(false);
        }

        var wall = Stopwatch.GetElapsedTime(start);
        process.Refresh();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-72} {wall.TotalMilliseconds / Turns,8:F3} {(process.TotalProcessorTime - cpu).TotalMilliseconds / Turns,8:F3} {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / Turns,9:F1}"));
    }

    private static Activity Activity(FakeConnector connector)
    {
        var id = Guid.NewGuid().ToString("N");
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = id,
            ChannelId = "msteams",
            ServiceUrl = connector.ServiceUrl,
            From = new ChannelAccount("user"),
            Recipient = new ChannelAccount("bot"),
            Conversation = new ConversationAccount(id: "probe-" + id),
            Text = "hi",
        };
    }
}
