using System.Net;
using System.Net.Http.Headers;
using BackCare.Bot.Pictures;
using BackCare.Bot.Tests.Http;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Tests.Pictures;

public sealed class StepImageEndpointTests : IClassFixture<BotApplicationFactory>
{
    private readonly BotApplicationFactory _factory;

    public StepImageEndpointTests(BotApplicationFactory factory)
    {
        _factory = factory;
    }

    [Theory]
    [InlineData("seated-spinal-twist", 1)]
    [InlineData("knee-to-chest", 6)]
    [InlineData("childs-pose-for-pregnancy", 3)]
    public async Task A_step_picture_is_served_as_png_with_caching_headers(string set, int step)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri($"/images/steps/{set}/{step}.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PictureSteps.Cache.Find(set, step)!.Png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(PictureSteps.Cache.Find(set, step)!.ETag, response.Headers.ETag?.ToString());
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge.TotalHours: >= 1 }, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_client_that_has_the_picture_gets_304_for_its_etag()
    {
        using var client = _factory.CreateClient();
        using var first = await client.GetAsync(new Uri("/images/steps/childs-pose/2.png", UriKind.Relative));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/images/steps/childs-pose/2.png");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
    }

    [Fact]
    public async Task A_stale_etag_gets_the_picture()
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/images/steps/childs-pose/2.png");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0000000000000000\""));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/images/steps/no-such-technique/1.png")]
    [InlineData("/images/steps/childs-pose/0.png")]
    [InlineData("/images/steps/childs-pose/6.png")]
    [InlineData("/images/steps/childs-pose-for-osteoporosis/1.png")]
    [InlineData("/images/steps/childs-pose/one.png")]
    [InlineData("/images/steps/childs-pose/1.jpg")]
    public async Task An_unknown_picture_is_404(string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_address_a_card_gives_is_served_by_the_bot()
    {
        var options = Options.Create(new Bot.Hosting.BackCareOptions { PublicBaseUrl = "https://backcare.example.com" });
        var technique = PictureSteps.Knowledge.FindTechnique("foam-roller-release")!;
        var url = new Uri(new StepImageUrls(PictureSteps.Cache, options).For(technique, 4)!.Url);
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PictureSteps.Cache.For(technique, 4)!.Png, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("http://backcare.example.com")]
    [InlineData("backcare.example.com")]
    [InlineData("https://backcare.example.com/?x=1")]
    public void A_public_address_that_is_not_https_stops_the_bot_at_start(string value)
    {
        using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["BackCare:PublicBaseUrl"] = value });

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("PublicBaseUrl", ex.ToString(), StringComparison.Ordinal);
    }
}
