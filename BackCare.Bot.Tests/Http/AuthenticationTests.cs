using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace BackCare.Bot.Tests.Http;

public sealed class AuthenticationTests
{
    private static readonly Dictionary<string, string?> WithAppId = new()
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = "6c9d7b42-5b7e-4a3f-9b7a-0f3c1d2e4a5b",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
    };

    [Fact]
    public async Task With_an_app_id_a_request_without_a_token_gets_401()
    {
        using var factory = new BotApplicationFactory(WithAppId);
        using var client = factory.CreateClient();
        var activity = MessagesEndpointTests.Activity("message", text: "hi");
        activity["channelId"] = "msteams";

        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task With_an_app_id_a_forged_token_gets_401()
    {
        using var factory = new BotApplicationFactory(WithAppId);
        using var client = factory.CreateClient();
        var activity = MessagesEndpointTests.Activity("message", text: "hi");
        activity["channelId"] = "msteams";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_an_app_id_the_same_request_is_accepted()
    {
        using var factory = new BotApplicationFactory();
        using var client = factory.CreateClient();
        var activity = MessagesEndpointTests.Activity("message", text: "hi");

        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
