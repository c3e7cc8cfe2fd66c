using System.Net;
using System.Text;
using BackCare.Bot.Bots;
using BackCare.Bot.Content;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Http;

public sealed class TurnErrorTests
{
    [Fact]
    public async Task A_failed_turn_tells_the_user_and_clears_the_dialog_so_the_next_message_starts_cleanly()
    {
        using var factory = new BotApplicationFactory().WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddTransient<IBot>(sp => new ExplodingBot(ActivatorUtilities.CreateInstance<BackCareBot>(sp)))));
        using var client = factory.CreateClient();
        var conversationId = Guid.NewGuid().ToString();

        var messages = factory.Services.GetRequiredService<KnowledgeBase>().Messages;
        var first = await SendAsync(client, "hi", conversationId);
        Assert.Equal(messages.MenuPrompt, first.Last());

        var failed = await SendAsync(client, ExplodingBot.Trigger, conversationId);
        Assert.Equal([messages.TurnError], failed);

        // Had the menu prompt survived, this would pick its second choice and open the question prompt; a cleared stack
        // starts afresh at the menu. (Not "Ask a question": that command opens the question prompt in every state.)
        var after = await SendAsync(client, "the second one", conversationId);
        Assert.DoesNotContain(messages.AskQuestionPrompt, after);
        Assert.Equal(messages.MenuPrompt, after.Last());
    }

    private static async Task<List<string?>> SendAsync(HttpClient client, string text, string conversationId)
    {
        var activity = MessagesEndpointTests.Activity("message", text, conversationId);
        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return body["activities"]!.Where(a => (string?)a["type"] == "message").Select(a => (string?)a["text"]).ToList();
    }
}
