using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BackCare.Bot.Tests.Http;

/// <summary>Hosts the real bot in memory; settings override appsettings.json, and services given replace the bot's.</summary>
public sealed class BotApplicationFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public BotApplicationFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    internal BotApplicationFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        _settings = settings;
        _services = services;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // In-memory state: appsettings.json's SQLite default would leave a database file in the test output.
        // A test's own settings (below) can still choose another storage.
        builder.UseSetting("Storage:Kind", "Memory");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
