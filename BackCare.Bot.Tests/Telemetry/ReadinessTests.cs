using System.Net;
using BackCare.Bot.Tests.Http;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BackCare.Bot.Tests.Telemetry;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_answers_200_while_the_storage_can_be_read()
    {
        await using var factory = new BotApplicationFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_answers_503_while_the_storage_cannot_be_read_and_healthz_stays_200()
    {
        await using var factory = new BotApplicationFactory(
            new Dictionary<string, string?>(),
            services => services.AddSingleton<IStorage>(new UnreachableStorage()));
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync("/readyz");
        using var live = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    /// <summary>A storage whose every call fails, as one that cannot be reached does.</summary>
    private sealed class UnreachableStorage : IStorage
    {
        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("Connection refused");

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("Connection refused");

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("Connection refused");
    }
}
