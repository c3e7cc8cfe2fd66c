using System.Net;
using System.Text;
using BackCare.Bot.Content;
using BackCare.Bot.Tests.Http;
using BackCare.Bot.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Reliability;

/// <summary>Messages arriving together, instances sharing a storage, and a storage that goes away.</summary>
public sealed class ConcurrencyAndFaultTests
{
    [Fact]
    public async Task Two_answers_arriving_together_are_both_counted()
    {
        var storage = new ControllableStorage(new MemoryStorage());
        using var factory = Host(storage);
        using var client = factory.CreateClient();
        var questions = Questions(factory);
        var conversation = Guid.NewGuid().ToString();
        await SayAsync(client, "my back is stiff", conversation);

        // Each turn now holds what it read for a while: without per-conversation ordering both would read question 1.
        storage.ReadDelay = TimeSpan.FromMilliseconds(150);
        var both = await Task.WhenAll(SayAsync(client, "no", conversation), SayAsync(client, "no", conversation));
        storage.ReadDelay = TimeSpan.Zero;

        var asked = both.SelectMany(r => r).ToList();
        Assert.Contains(asked, text => text.Contains(questions[1], StringComparison.Ordinal));
        Assert.Contains(asked, text => text.Contains(questions[2], StringComparison.Ordinal));
        var next = await SayAsync(client, "about 3 days", conversation);
        Assert.Contains(next, text => text.Contains(questions[3], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_instances_saving_one_conversation_at_once_lose_nothing_silently()
    {
        using var instances = new TwoInstances();
        var conversation = Guid.NewGuid().ToString();
        await SayAsync(instances.FirstClient, "my back is stiff", conversation);

        // The first instance reads question 1 and holds it; the second answers question 1 and saves meanwhile.
        var (lateReplies, onTime) = await instances.RaceAsync(Message("no", conversation), Message("no", conversation));

        Assert.Contains(onTime, text => text.Contains(instances.Questions[1], StringComparison.Ordinal));
        // Its replies went out before the save was refused; the last one says plainly to send the message again.
        Assert.Equal(instances.Messages.ConcurrentUpdate, lateReplies[^1]);

        // The saved state is the second instance's: one answer counted, and the conversation carries on from it.
        var next = await SayAsync(instances.SecondClient, "no", conversation);
        Assert.Contains(next, text => text.Contains(instances.Questions[2], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_instances_starting_one_conversation_at_once_do_not_overwrite_each_other()
    {
        using var instances = new TwoInstances();
        var conversation = Guid.NewGuid().ToString();

        // Nothing is stored yet: the first instance reads that and holds it; the second starts the screening and saves.
        var (lateReplies, onTime) = await instances.RaceAsync(Message("my back is stiff", conversation), Message("my back is stiff", conversation));

        Assert.Contains(onTime, text => text.Contains(instances.Questions[0], StringComparison.Ordinal));
        Assert.Equal(instances.Messages.ConcurrentUpdate, lateReplies[^1]);
        var next = await SayAsync(instances.FirstClient, "no", conversation);
        Assert.Contains(next, text => text.Contains(instances.Questions[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_install_event_that_loses_such_a_race_neither_welcomes_again_nor_asks_the_user_anything()
    {
        using var instances = new TwoInstances();
        var conversation = Guid.NewGuid().ToString();

        var (lateReplies, onTime) = await instances.RaceAsync(UserJoined(conversation), UserJoined(conversation));

        Assert.Contains(instances.Messages.Welcome, onTime);
        Assert.DoesNotContain(instances.Messages.ConcurrentUpdate, lateReplies);

        // The welcome is claimed (saved) before it is sent, so the instance that lost sent none.
        Assert.DoesNotContain(instances.Messages.Welcome, lateReplies);
    }

    [Fact]
    public async Task A_re_delivered_activity_is_not_processed_twice()
    {
        using var factory = Host(new MemoryStorage());
        using var client = factory.CreateClient();
        var conversation = Guid.NewGuid().ToString();
        var join = MessagesEndpointTests.Activity("conversationUpdate", null, conversation);
        join["membersAdded"] = new JArray(new JObject { ["id"] = "user-1" });
        var answer = MessagesEndpointTests.Activity("message", "my back is stiff", conversation);

        var welcome = await PostAsync(client, join);
        var welcomeAgain = await PostAsync(client, join);
        var first = await PostAsync(client, answer);
        var again = await PostAsync(client, answer);

        Assert.NotEmpty(welcome);
        Assert.Empty(welcomeAgain);
        Assert.NotEmpty(first);
        Assert.Empty(again);
    }

    [Fact]
    public async Task A_storage_outage_gets_an_apology_keeps_the_process_healthy_and_the_next_turn_after_recovery_works()
    {
        var storage = new ControllableStorage(new MemoryStorage());
        using var factory = Host(storage);
        using var client = factory.CreateClient();
        var questions = Questions(factory);
        var messages = factory.Services.GetRequiredService<KnowledgeBase>().Messages;
        var conversation = Guid.NewGuid().ToString();
        await SayAsync(client, "my back is stiff", conversation);

        storage.Failing = true;
        var during = await SayAsync(client, "no", conversation);
        var stillFailing = await SayAsync(client, "no", conversation);
        using var health = await client.GetAsync("/healthz");
        storage.Failing = false;
        var after = await SayAsync(client, "no", conversation);

        Assert.Equal([messages.StorageUnavailable], during);
        Assert.Equal([messages.StorageUnavailable], stillFailing);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains(after, text => text.Contains(questions[1], StringComparison.Ordinal));
    }

    private static WebApplicationFactory<Program> Host(IStorage storage) =>
        new BotApplicationFactory().WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(storage)));

    /// <summary>What the screening asks, in order, when every answer is "no": each check, the duration before the cautions.</summary>
    private static IReadOnlyList<string> Questions(WebApplicationFactory<Program> factory)
    {
        var screening = factory.Services.GetRequiredService<KnowledgeBase>().Screening;
        return screening.Checks.SelectMany(c => c.Id == screening.DurationBefore ? [screening.Duration.Text, c.Text] : new[] { c.Text }).ToList();
    }

    private static Task<List<string>> SayAsync(HttpClient client, string text, string conversationId) =>
        PostAsync(client, Message(text, conversationId));

    private static JObject Message(string text, string conversationId) => MessagesEndpointTests.Activity("message", text, conversationId);

    private static JObject UserJoined(string conversationId)
    {
        var joined = MessagesEndpointTests.Activity("conversationUpdate", conversationId: conversationId);
        joined["membersAdded"] = new JArray(new JObject { ["id"] = "user-1" });
        return joined;
    }

    private static async Task<List<string>> PostAsync(HttpClient client, JObject activity)
    {
        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return body["activities"]!.Where(a => (string?)a["type"] == "message")
            .Select(a => a["text"]?.ToString() ?? a["attachments"]?.ToString() ?? string.Empty)
            .ToList();
    }

    /// <summary>Two bot instances sharing one storage; the first one's reads can be held to play a race in a fixed order.</summary>
    private sealed class TwoInstances : IDisposable
    {
        private readonly ControllableStorage _slow;
        private readonly WebApplicationFactory<Program> _first;
        private readonly WebApplicationFactory<Program> _second;

        public TwoInstances()
        {
            var shared = new MemoryStorage();
            _slow = new ControllableStorage(shared);
            _first = Host(_slow);
            _second = Host(new ControllableStorage(shared));
            FirstClient = _first.CreateClient();
            SecondClient = _second.CreateClient();
        }

        public HttpClient FirstClient { get; }

        public HttpClient SecondClient { get; }

        public IReadOnlyList<string> Questions => ConcurrencyAndFaultTests.Questions(_first);

        public BotMessages Messages => _first.Services.GetRequiredService<KnowledgeBase>().Messages;

        /// <summary>
        /// The first instance reads for <paramref name="late"/> and holds what it read while the second handles
        /// <paramref name="onTime"/> and saves; then the first carries on. The replies of each.
        /// </summary>
        public async Task<(List<string> Late, List<string> OnTime)> RaceAsync(JObject late, JObject onTime)
        {
            _slow.HoldReads();
            var lateTurn = PostAsync(FirstClient, late);
            await _slow.ReadHeld.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var onTimeReplies = await PostAsync(SecondClient, onTime);
            _slow.ReleaseReads();
            return (await lateTurn, onTimeReplies);
        }

        public void Dispose()
        {
            FirstClient.Dispose();
            SecondClient.Dispose();
            _first.Dispose();
            _second.Dispose();
        }
    }
}
