using System.Text;
using BackCare.Bot.Tests.Http;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Hosting;

public sealed class TranscriptTests
{
    [Fact]
    public async Task With_a_transcript_folder_each_conversation_is_written_as_a_json_array_of_activities()
    {
        var folder = Path.Combine(Path.GetTempPath(), "backcare-transcripts-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["BackCare:TranscriptFolder"] = folder });
            using var client = factory.CreateClient();
            var activity = MessagesEndpointTests.Activity("message", "is foam rolling better than stretching?");
            using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();

            var file = Assert.Single(Directory.GetFiles(folder, "*.transcript", SearchOption.AllDirectories));
            var transcript = JArray.Parse(await File.ReadAllTextAsync(file));
            Assert.Contains(transcript, a => (string?)a["text"] == "is foam rolling better than stretching?");
            Assert.Contains(transcript, a => (string?)a["from"]?["id"] == "bot" && (string?)a["type"] == "message");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Transcripts_are_off_in_the_shipped_settings()
    {
        var settings = JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));

        Assert.True(string.IsNullOrEmpty((string?)settings["BackCare"]?["TranscriptFolder"]), "appsettings.json turns transcripts on");
    }
}
