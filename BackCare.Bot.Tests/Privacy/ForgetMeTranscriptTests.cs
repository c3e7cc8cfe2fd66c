using System.Text;
using BackCare.Bot.Content;
using BackCare.Bot.Tests.Http;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Privacy;

/// <summary>"forget me" with transcripts on: the host's transcript of that conversation is gone after the turn, its own lines included.</summary>
public sealed class ForgetMeTranscriptTests
{
    [Fact]
    public async Task Forget_me_with_transcripts_on_leaves_no_transcript_of_the_conversation_and_says_so()
    {
        using var folder = new Storage.TemporaryFolder();
        using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["BackCare:TranscriptFolder"] = folder.Path });
        using var client = factory.CreateClient();
        var messages = ContentLoader.Load(KnowledgeBase.DefaultDirectory).Messages;
        var mine = "forget-" + Guid.NewGuid().ToString("N");
        var other = "other-" + Guid.NewGuid().ToString("N");
        await PostAsync(client, MessagesEndpointTests.Activity("message", "I'm pregnant and my back is stiff", mine));
        await PostAsync(client, MessagesEndpointTests.Activity("message", "is foam rolling better than stretching?", other));
        Assert.Equal(2, Transcripts(folder.Path).Count);

        var replies = await PostAsync(client, MessagesEndpointTests.Activity("message", "forget me", mine));

        Assert.Contains(replies, r => (string?)r["text"] == messages.ForgetMeDoneWithTranscript);
        var left = Assert.Single(Transcripts(folder.Path));
        Assert.Contains(other, left, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains("pregnant", StringComparison.Ordinal));
    }

    private static List<string> Transcripts(string folder) => [.. Directory.GetFiles(folder, "*.transcript", SearchOption.AllDirectories)];

    private static async Task<List<JObject>> PostAsync(HttpClient client, JObject activity)
    {
        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return body["activities"]!.Cast<JObject>().Where(a => (string?)a["type"] == "message").ToList();
    }
}
