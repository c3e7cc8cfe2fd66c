using System.Net;
using System.Text;
using BackCare.Bot.Content;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Http;

public sealed class MessagesEndpointTests : IClassFixture<BotApplicationFactory>
{
    private readonly BotApplicationFactory _factory;

    public MessagesEndpointTests(BotApplicationFactory factory)
    {
        _factory = factory;
    }

    private BotMessages Messages => _factory.Services.GetRequiredService<KnowledgeBase>().Messages;

    [Fact]
    public async Task A_message_with_expectReplies_gets_the_menu_in_the_response()
    {
        var replies = await PostForRepliesAsync(Activity("message", text: "hi"));

        var menu = Assert.Single(replies);
        Assert.Equal(Messages.MenuPrompt, (string?)menu["text"]);
        var buttons = menu["suggestedActions"]!["actions"]!.Select(a => (string?)a["title"]).ToList();
        Assert.Equal([Messages.MenuTechniques, Messages.MenuQuestion, Messages.MenuTips], buttons);
    }

    [Fact]
    public async Task A_member_joining_gets_the_welcome_then_the_menu()
    {
        var activity = Activity("conversationUpdate");
        activity["membersAdded"] = new JArray(new JObject { ["id"] = "user-1" }, new JObject { ["id"] = "bot" });

        var replies = await PostForRepliesAsync(activity);

        Assert.Equal(2, replies.Count);
        Assert.Equal(Messages.Welcome, (string?)replies[0]["text"]);
        Assert.Equal(Messages.MenuPrompt, (string?)replies[1]["text"]);
    }

    [Fact]
    public async Task The_conversation_continues_across_requests()
    {
        var conversationId = Guid.NewGuid().ToString();
        await PostForRepliesAsync(Activity("message", text: "hi", conversationId: conversationId));

        var replies = await PostForRepliesAsync(Activity("message", text: Messages.MenuTips, conversationId: conversationId));

        var tips = Assert.Single(replies);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)tips["attachments"]![0]!["contentType"]);
        Assert.Contains(Messages.TipsIntro, tips["attachments"]![0]!["content"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "application/json")]
    [InlineData("{}", "application/json")]
    [InlineData("[]", "application/json")]
    [InlineData("", "application/json")]
    [InlineData("hello", "text/plain")]
    [InlineData("{\"type\": 42, \"text\": {\"a\": 1}}", "application/json")]
    public async Task A_malformed_body_gets_400_never_500(string body, string contentType)
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_question_gets_its_answer_over_http()
    {
        var replies = await PostForRepliesAsync(Activity("message", text: "is foam rolling better than stretching?"));

        var answer = Assert.Single(replies);
        var expected = _factory.Services.GetRequiredService<KnowledgeBase>().FindAnswer("faq:foam-vs-stretch")!.Text;
        Assert.Contains(expected, answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_endpoint_answers()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    internal static JObject Activity(string type, string? text = null, string? conversationId = null) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["deliveryMode"] = "expectReplies",
        ["from"] = new JObject { ["id"] = "user-1", ["name"] = "User" },
        ["recipient"] = new JObject { ["id"] = "bot", ["name"] = "BackCare" },
        ["conversation"] = new JObject { ["id"] = conversationId ?? Guid.NewGuid().ToString() },
        ["text"] = text,
    };

    private async Task<List<JObject>> PostForRepliesAsync(JObject activity)
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return body["activities"]!.Cast<JObject>().Where(a => (string?)a["type"] == "message").ToList();
    }
}
