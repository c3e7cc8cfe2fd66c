using BackCare.Bot.Storage;
using BackCare.Bot.Tests.Http;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackCare.Bot.Tests.Storage;

/// <summary>The <c>Storage</c> settings choose the IStorage; the default is a SQLite file in data/ under the content root.</summary>
public sealed class StorageSelectionTests
{
    [Fact]
    public void Appsettings_json_chooses_sqlite_in_the_data_folder_by_default()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();

        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()!;

        Assert.Equal(StorageKind.Sqlite, options.Kind);
        Assert.Equal("data/backcare.db", options.SqlitePath);
        Assert.Equal("backcare-state", options.BlobContainer);
    }

    [Fact]
    public void Without_settings_the_storage_is_sqlite_under_the_content_root_and_nothing_is_created_until_used()
    {
        using var provider = Provider([]);

        var storage = Assert.IsType<SqliteStorage>(provider.GetRequiredService<IStorage>());

        Assert.Equal(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "data", "backcare.db")), storage.FilePath);
    }

    [Fact]
    public void An_absolute_sqlite_path_is_used_as_it_is()
    {
        var path = Path.Combine(Path.GetTempPath(), "elsewhere", "state.db");
        using var provider = Provider(new() { ["Storage:SqlitePath"] = path });

        Assert.Equal(path, Assert.IsType<SqliteStorage>(provider.GetRequiredService<IStorage>()).FilePath);
    }

    [Fact]
    public void Memory_and_blob_are_chosen_by_kind()
    {
        using var memory = Provider(new() { ["Storage:Kind"] = "Memory" });
        Assert.IsType<BackCare.Bot.Storage.ListableMemoryStorage>(memory.GetRequiredService<IStorage>());

        using var blob = Provider(new()
        {
            ["Storage:Kind"] = "Blob",
            ["Storage:BlobConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage:BlobContainer"] = "other-container",
        });
        Assert.Equal("other-container", Assert.IsType<BlobStorage>(blob.GetRequiredService<IStorage>()).ContainerName);
    }

    [Fact]
    public void Blob_without_a_connection_string_says_which_setting_is_missing()
    {
        using var provider = Provider(new() { ["Storage:Kind"] = "Blob" });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IStorage>());

        Assert.Contains("Storage:BlobConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_http_test_host_keeps_state_in_memory_so_tests_leave_no_database_behind()
    {
        using var factory = new BotApplicationFactory();

        // Under the tracing wrapper (Telemetry/TracedStorage); the retention sweep lists keys through it (IStorageDecorator).
        var traced = Assert.IsType<BackCare.Bot.Telemetry.TracedStorage>(factory.Services.GetRequiredService<IStorage>());
        Assert.IsType<BackCare.Bot.Storage.ListableMemoryStorage>(traced.Inner);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddBotStorage();
        return services.BuildServiceProvider();
    }
}
