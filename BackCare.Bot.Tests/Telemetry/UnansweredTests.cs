using System.Net;
using System.Text;
using BackCare.Bot.Tests.Http;
using BackCare.Bot.Unanswered;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Telemetry;

/// <summary>What the content editors get: the messages the bot could not answer, counted by normalised text, with no ids, for a set time.</summary>
public sealed class UnansweredTests
{
    private const string OutOfScope = "What's the weather on Mars in 2031?";

    [Theory]
    [InlineData("  What's  the\tWEATHER\non Mars? ", "what's the weather on mars?")]
    [InlineData("call me on 07700 900123", "call me on ##### ######")]
    [InlineData("", "")]
    public void Texts_are_lower_cased_with_whitespace_collapsed_and_digits_masked(string text, string expected) =>
        Assert.Equal(expected, UnansweredText.Normalise(text));

    [Fact]
    public void A_very_long_message_is_kept_only_as_its_start()
    {
        var normalised = UnansweredText.Normalise(string.Concat(Enumerable.Repeat("why does it hurt ", 50)));

        Assert.Equal(UnansweredText.MaxLength + 1, normalised.Length);
        Assert.EndsWith("…", normalised, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_accumulate_across_conversations_and_users_and_keep_no_ids()
    {
        await using var factory = new BotApplicationFactory();
        var ids = new List<string>();
        foreach (var text in new[] { OutOfScope, "what's the WEATHER on mars in 1999?", OutOfScope })
        {
            var (user, conversation) = ("user-" + Guid.NewGuid().ToString("N"), "conv-" + Guid.NewGuid().ToString("N"));
            ids.AddRange([user, conversation]);
            await PostAsync(factory, Message(text, user, conversation));
        }

        var top = await factory.Services.GetRequiredService<UnansweredStore>().TopAsync(10, CancellationToken.None);

        var question = Assert.Single(top);
        Assert.Equal("what's the weather on mars in ####?", question.Text);
        Assert.Equal(3, question.Total);
        var stored = await StoredJsonAsync(factory.Services.GetRequiredService<IStorage>());
        Assert.All(ids, id => Assert.DoesNotContain(id, stored, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_the_safety_net_flagged_is_never_counted()
    {
        await using var factory = new BotApplicationFactory();

        await PostAsync(factory, Message("I can't feel my legs and I've wet myself", "user-1", "conv-" + Guid.NewGuid().ToString("N")));
        await PostAsync(factory, Message("I fell off a ladder yesterday", "user-2", "conv-" + Guid.NewGuid().ToString("N")));
        await PostAsync(factory, Message(OutOfScope, "user-3", "conv-" + Guid.NewGuid().ToString("N")));

        var top = await factory.Services.GetRequiredService<UnansweredStore>().TopAsync(10, CancellationToken.None);

        Assert.Equal(["what's the weather on mars in ####?"], top.Select(q => q.Text));
        var stored = await StoredJsonAsync(factory.Services.GetRequiredService<IStorage>());
        Assert.DoesNotContain("legs", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ladder", stored, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Counts_older_than_the_retention_are_deleted_and_no_longer_reported()
    {
        var storage = new MemoryStorage();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var store = new UnansweredStore(storage, Options.Create(new UnansweredOptions { RetentionDays = 30 }), time);
        await store.RecordAsync([new UnansweredMessage("old question", UnansweredKind.Fallback)], CancellationToken.None);

        time.Advance(TimeSpan.FromDays(29));
        Assert.Single(await store.TopAsync(10, CancellationToken.None));

        time.Advance(TimeSpan.FromDays(1));
        await store.RecordAsync([new UnansweredMessage("new question", UnansweredKind.DidYouMean)], CancellationToken.None);

        var top = await store.TopAsync(10, CancellationToken.None);
        Assert.Equal(["new question"], top.Select(q => q.Text));
        var oldDay = UnansweredStore.DayKey(new DateOnly(2025, 3, 1));
        Assert.Empty(await storage.ReadAsync([oldDay], CancellationToken.None));
    }

    [Fact]
    public async Task Turns_counting_at_the_same_moment_lose_no_count()
    {
        // Every reader waits until all have read, so without one-at-a-time counting all but one would write on a stale ETag.
        const int Turns = 8;
        var storage = new ReadTogetherStorage(new MemoryStorage(), Turns);
        var store = new UnansweredStore(storage, Options.Create(new UnansweredOptions()), TimeProvider.System);

        await Task.WhenAll(Enumerable.Range(0, Turns).Select(_ =>
            Task.Run(() => store.RecordAsync([new UnansweredMessage(OutOfScope, UnansweredKind.Fallback)], CancellationToken.None))));

        var counted = Assert.Single(await store.TopAsync(10, CancellationToken.None));
        Assert.Equal(Turns, counted.Fallbacks);
    }

    [Fact]
    public async Task The_command_prints_the_top_ones_most_frequent_first()
    {
        var services = new ServiceCollection()
            .AddSingleton<IStorage>(new MemoryStorage())
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero)))
            .AddSingleton(Options.Create(new UnansweredOptions()))
            .AddSingleton<UnansweredStore>()
            .BuildServiceProvider();
        var store = services.GetRequiredService<UnansweredStore>();
        await store.RecordAsync(
        [
            .. Enumerable.Repeat(new UnansweredMessage("can I swim", UnansweredKind.Fallback), 3),
            .. Enumerable.Repeat(new UnansweredMessage("Is yoga ok", UnansweredKind.DidYouMean), 5),
            new UnansweredMessage("what about pilates", UnansweredKind.Fallback),
        ], CancellationToken.None);
        using var output = new StringWriter();

        var exit = await UnansweredCommand.RunAsync(services, ["unanswered", "--top", "2"], output, CancellationToken.None);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^1\s+5\s+0\s+5\s+is yoga ok$", lines[2]);
        Assert.Matches(@"^2\s+3\s+3\s+0\s+can i swim$", lines[3]);
    }

    [Fact]
    public async Task The_command_refuses_a_top_that_is_not_a_number()
    {
        using var output = new StringWriter();

        var exit = await UnansweredCommand.RunAsync(new ServiceCollection().BuildServiceProvider(), ["unanswered", "--top", "lots"], output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.StartsWith("Usage:", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task The_command_refuses_a_top_out_of_range(string top)
    {
        using var output = new StringWriter();

        var exit = await UnansweredCommand.RunAsync(new ServiceCollection().BuildServiceProvider(), ["unanswered", "--top", top], output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("--top", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_takes_n_for_top_and_leaves_the_hosts_settings_alone()
    {
        var services = new ServiceCollection()
            .AddSingleton<IStorage>(new MemoryStorage())
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Options.Create(new UnansweredOptions()))
            .AddSingleton<UnansweredStore>()
            .BuildServiceProvider();
        using var output = new StringWriter();

        var exit = await UnansweredCommand.RunAsync(services, ["unanswered", "--Storage:Kind=Memory", "-n", "5"], output, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.StartsWith("No unanswered messages", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_prints_its_help_without_reading_the_storage()
    {
        using var output = new StringWriter();

        var exit = await UnansweredCommand.RunAsync(new ServiceCollection().BuildServiceProvider(), ["unanswered", "--help"], output, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("--top", output.ToString(), StringComparison.Ordinal);
    }

    private static JObject Message(string text, string user, string conversation)
    {
        var activity = MessagesEndpointTests.Activity("message", text, conversation);
        activity["from"]!["id"] = user;
        return activity;
    }

    private static async Task PostAsync(BotApplicationFactory factory, JObject activity)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Everything the counts keep, as stored: the index and every day document.</summary>
    private static async Task<string> StoredJsonAsync(IStorage storage)
    {
        var index = await storage.ReadAsync([UnansweredStore.IndexKey]);
        var days = index.Values.OfType<UnansweredIndex>().SelectMany(i => i.Days).ToArray();
        Assert.NotEmpty(days);
        var documents = await storage.ReadAsync(days);
        return JsonConvert.SerializeObject(new { index, documents });
    }
}
