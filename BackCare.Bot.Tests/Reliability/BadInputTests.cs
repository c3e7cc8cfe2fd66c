using System.Net;
using System.Text;
using BackCare.Bot.Content;
using BackCare.Bot.Hosting;
using BackCare.Bot.Tests.Http;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Reliability;

/// <summary>Bad input over HTTP gets a 4xx or a clear reply, never a 500, and loses nothing.</summary>
public sealed class BadInputTests : IClassFixture<BotApplicationFactory>
{
    private readonly BotApplicationFactory _factory;

    public BadInputTests(BotApplicationFactory factory)
    {
        _factory = factory;
    }

    private KnowledgeBase Knowledge => _factory.Services.GetRequiredService<KnowledgeBase>();

    [Theory]
    [InlineData("serviceUrl", "serviceUrl")]
    [InlineData("conversation", "conversation.id")]
    [InlineData("from", "from.id")]
    [InlineData("channelId", "channelId")]
    public async Task An_activity_without_a_required_field_gets_400_naming_it(string field, string named)
    {
        var activity = MessagesEndpointTests.Activity("message", "hi");
        activity.Remove(field);

        using var response = await PostAsync(activity.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_serviceUrl_that_is_not_a_url_gets_400()
    {
        var activity = MessagesEndpointTests.Activity("message", "hi");
        activity["serviceUrl"] = "not a url";

        using var response = await PostAsync(activity.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("weird")]
    [InlineData("typing")]
    [InlineData("event")]
    [InlineData("messageReaction")]
    public async Task Unknown_or_silent_activity_types_get_200_and_no_message(string type)
    {
        var replies = await RepliesAsync(MessagesEndpointTests.Activity(type));

        Assert.DoesNotContain(replies, r => (string?)r["type"] == "message");
    }

    [Fact]
    public async Task A_one_megabyte_message_gets_a_clear_reply()
    {
        var activity = MessagesEndpointTests.Activity("message", new string('x', 1_000_000));

        var replies = await RepliesAsync(activity);

        var expected = string.Format(System.Globalization.CultureInfo.InvariantCulture, Knowledge.Messages.TooLong, 2000);
        Assert.Contains(replies, r => (string?)r["text"] == expected);
    }

    [Fact]
    public async Task Control_characters_and_emoji_get_a_reply()
    {
        var replies = await RepliesAsync(MessagesEndpointTests.Activity("message", "hi\u0000\u0007\u001b 😀🔥 \u202e"));

        Assert.Contains(replies, r => (string?)r["type"] == "message");
    }

    [Theory]
    [InlineData("{\"action\": 42}")]
    [InlineData("{\"action\": \"next\", \"technique\": [1,2], \"step\": \"x\"}")]
    [InlineData("{\"choice\": {\"nested\": true}}")]
    [InlineData("\"just a string\"")]
    [InlineData("[1, 2, 3]")]
    [InlineData("12")]
    public async Task Odd_card_submits_mid_screening_get_a_clear_reply_and_the_screening_carries_on(string value)
    {
        var conversationId = Guid.NewGuid().ToString();
        await RepliesAsync(MessagesEndpointTests.Activity("message", "my back is stiff", conversationId));
        var submit = MessagesEndpointTests.Activity("message", null, conversationId);
        submit["value"] = JToken.Parse(value);

        var odd = await RepliesAsync(submit);
        var next = await RepliesAsync(MessagesEndpointTests.Activity("message", "no", conversationId));

        Assert.Contains(odd, r => (string?)r["type"] == "message");
        Assert.DoesNotContain(odd, r => TurnErrorHandler.IsErrorReply(Knowledge.Messages, (string?)r["text"]));
        Assert.Contains(next, r => r.ToString().Contains(Knowledge.Screening.Checks[1].Text, StringComparison.Ordinal));
    }

    private async Task<HttpResponseMessage> PostAsync(string body)
    {
        using var client = _factory.CreateClient();
        return await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
    }

    private async Task<List<JObject>> RepliesAsync(JObject activity)
    {
        using var response = await PostAsync(activity.ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? [] : JObject.Parse(body)["activities"]!.Cast<JObject>().ToList();
    }
}
