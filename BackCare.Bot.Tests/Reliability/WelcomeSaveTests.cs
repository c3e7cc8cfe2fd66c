using System.Net;
using System.Text;
using BackCare.Bot.Content;
using BackCare.Bot.Storage;
using BackCare.Bot.Tests.Conversation;
using BackCare.Bot.Tests.Http;
using BackCare.Bot.Tests.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace BackCare.Bot.Tests.Reliability;

/// <summary>
/// The welcome is saved before it is sent (so two instances never both welcome); through HTTP on every storage kind:
/// nothing conflicts on one instance, and a turn another instance saves during the welcome turn is not overwritten.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WelcomeSaveTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private IStorage[] SharedStorage(string kind, int views)
    {
        switch (kind)
        {
            case "Memory":
                var memory = new MemoryStorage();
                return Enumerable.Repeat<IStorage>(memory, views).ToArray();
            case "Sqlite":
                var path = _folder.File(Guid.NewGuid().ToString("N") + ".db");
                return Enumerable.Range(0, views).Select(_ => (IStorage)new SqliteStorage(path)).ToArray();
            default:
                var container = AzuriteFixture.NewContainerName("review");
                return Enumerable.Range(0, views).Select(_ => (IStorage)new BlobStorage(azurite.ConnectionString, container)).ToArray();
        }
    }

    // ---------- Single instance: nothing may conflict ----------

    [Theory]
    [InlineData("Memory")]
    [InlineData("Sqlite")]
    [InlineData("Blob")]
    public async Task Single_instance_normal_flows_never_conflict(string kind)
    {
        using var factory = Host(SharedStorage(kind, 1)[0]);
        using var client = factory.CreateClient();
        var messages = factory.Services.GetRequiredService<KnowledgeBase>().Messages;
        var failures = new[] { messages.ConcurrentUpdate, messages.StorageUnavailable, messages.TurnError, messages.TurnErrorInScreening, messages.TurnErrorInTechnique };

        // Emulator: conversationUpdate (user joined) then a message.
        var c1 = Guid.NewGuid().ToString();
        var joined = Activity("emulator", "conversationUpdate", null, c1);
        joined["membersAdded"] = new JArray(new JObject { ["id"] = "user-1" }, new JObject { ["id"] = "bot" });
        var a = await PostAsync(client, joined);
        var b = await PostAsync(client, Activity("emulator", "message", "my back is stiff", c1));
        var b2 = await PostAsync(client, Activity("emulator", "message", "no", c1));

        // Teams: conversationUpdate (bot added) then installationUpdate, back to back; then a message.
        var c2 = "a:" + Guid.NewGuid().ToString("N");
        var added = Activity("msteams", "conversationUpdate", null, c2);
        added["membersAdded"] = new JArray(new JObject { ["id"] = "bot" });
        var installed = Activity("msteams", "installationUpdate", null, c2);
        installed["action"] = "add";
        var t1 = await PostAsync(client, added);
        var t2 = await PostAsync(client, installed);
        var t3 = await PostAsync(client, Activity("msteams", "message", "my back is stiff", c2));

        // Teams: the user's first message before the install events (state exists, read with an ETag), then both,
        // then the conversationUpdate re-delivered.
        var c3 = "a:" + Guid.NewGuid().ToString("N");
        var m1 = await PostAsync(client, Activity("msteams", "message", "my back is stiff", c3));
        var added3 = Activity("msteams", "conversationUpdate", null, c3);
        added3["membersAdded"] = new JArray(new JObject { ["id"] = "bot" });
        var u1 = await PostAsync(client, added3);
        var u2 = await PostAsync(client, added3);
        var installed3 = Activity("msteams", "installationUpdate", null, c3);
        installed3["action"] = "add";
        var u3 = await PostAsync(client, installed3);
        var m2 = await PostAsync(client, Activity("msteams", "message", "no", c3));

        var all = new[] { a, b, b2, t1, t2, t3, m1, u1, u2, u3, m2 };
        for (var i = 0; i < all.Length; i++)
        {
            output.WriteLine($"{i}: {string.Join(" | ", all[i].Select(s => s.Length > 60 ? s[..60] : s))}");
        }

        Assert.All(all, replies => Assert.DoesNotContain(replies, r => failures.Contains(r)));
        Assert.Equal(1, a.Count(r => r == messages.Welcome));
        Assert.Equal(1, t1.Count(r => r == messages.Welcome));
        Assert.Empty(t2);
        Assert.Equal(1, u1.Count(r => r == messages.Welcome));
        Assert.Empty(u2);
        Assert.Empty(u3);
    }

    // ---------- Two instances ----------

    [Theory]
    [InlineData("Memory")]
    [InlineData("Sqlite")]
    [InlineData("Blob")]
    public async Task An_emergency_answered_by_another_instance_during_the_welcome_turn_is_not_overwritten(string kind)
    {
        var views = SharedStorage(kind, 2);
        var first = new AfterFirstConversationWrite(views[0]);
        using var welcoming = Host(first);
        using var other = Host(views[1]);
        using var welcomingClient = welcoming.CreateClient();
        using var otherClient = other.CreateClient();
        // These activities carry no locale: the content as read with the default local help.
        var knowledge = LocalizedKnowledge.For(null);
        var conversation = Guid.NewGuid().ToString();

        // Instance 1 welcomes: right after its claim (the mid-turn save), the user's first message reaches instance 2,
        // which gives the emergency answer and saves it (with the ETag it read from instance 1's claim).
        List<string>? meanwhile = null;
        first.Hook = async () => meanwhile = await PostAsync(otherClient, Activity("emulator", "message", "I can't feel my legs and my back hurts", conversation));
        var joined = Activity("emulator", "conversationUpdate", null, conversation);
        joined["membersAdded"] = new JArray(new JObject { ["id"] = "user-1" });
        var welcome = await PostAsync(welcomingClient, joined);

        Assert.NotNull(meanwhile);
        Assert.Contains(meanwhile, r => r.Contains(knowledge.Screening.Outcomes.Emergency, StringComparison.Ordinal));
        Assert.Contains(knowledge.Messages.Welcome, welcome);

        // The emergency answer must still stand: nothing but the advice again.
        var after = await PostAsync(otherClient, Activity("emulator", "message", "my back is stiff", conversation));
        output.WriteLine(string.Join(" | ", after));
        Assert.Contains(after, r => r.Contains(knowledge.Messages.UrgentReminder, StringComparison.Ordinal));
    }

    /// <summary>Runs a hook once, right after the first write of a conversation-state key has completed.</summary>
    private sealed class AfterFirstConversationWrite(IStorage inner) : IStorage
    {
        public Func<Task>? Hook { get; set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

        public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(changes, cancellationToken);
            if (Hook is { } hook && changes.Keys.Any(k => k.Contains("/conversations/", StringComparison.Ordinal)))
            {
                Hook = null;
                await hook();
            }
        }
    }

    private static WebApplicationFactory<Program> Host(IStorage storage) =>
        new BotApplicationFactory().WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(storage)));

    private static JObject Activity(string channel, string type, string? text, string conversationId)
    {
        var activity = MessagesEndpointTests.Activity(type, text, conversationId);
        activity["channelId"] = channel;
        return activity;
    }

    private static async Task<List<string>> PostAsync(HttpClient client, JObject activity)
    {
        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {raw}");
        var body = JObject.Parse(raw);
        return body["activities"]!.Where(a => (string?)a["type"] == "message")
            .Select(a => a["text"]?.ToString() ?? a["attachments"]?.ToString() ?? string.Empty)
            .ToList();
    }
}
