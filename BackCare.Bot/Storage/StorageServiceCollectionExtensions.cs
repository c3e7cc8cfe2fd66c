using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="IStorage"/> the <c>Storage</c> settings choose: SQLite (the default), Azure Blob
    /// Storage or MemoryStorage. Created on first use, so settings added by a test host still count.
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddSingleton<IStorage>(sp => Create(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory,
            sp.GetService<ILoggerFactory>()));

        // Incoming activity ids are claimed where the state is, so every instance sharing the state sees the claims.
        services.AddSingleton<IActivityClaims>(sp =>
        {
            var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;
            return IStorageDecorator.Innermost(sp.GetRequiredService<IStorage>()) switch
            {
                SqliteStorage sqlite => new SqliteActivityClaims(sqlite, time),
                BlobStorage blob => new BlobActivityClaims(blob, time),
                _ => new MemoryActivityClaims(time),
            };
        });
        services.AddHostedService<ActivityClaimSweeper>();
        return services;
    }

    /// <summary>The storage <paramref name="options"/> describe; a relative SQLite path is taken from <paramref name="contentRoot"/>.</summary>
    public static IStorage Create(StorageOptions options, string contentRoot, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Kind)
        {
            case StorageKind.Memory:
                // Listable, so expired state is swept from memory too.
                return new ListableMemoryStorage();
            case StorageKind.Blob:
                if (string.IsNullOrWhiteSpace(options.BlobConnectionString))
                {
                    throw new InvalidOperationException($"{StorageOptions.Section}:{nameof(StorageOptions.BlobConnectionString)} is required when {StorageOptions.Section}:{nameof(StorageOptions.Kind)} is {StorageKind.Blob}.");
                }

                return new BlobStorage(options.BlobConnectionString, options.BlobContainer, loggerFactory?.CreateLogger<BlobStorage>());
            case StorageKind.Sqlite:
                if (string.IsNullOrWhiteSpace(options.SqlitePath))
                {
                    throw new InvalidOperationException($"{StorageOptions.Section}:{nameof(StorageOptions.SqlitePath)} is empty.");
                }

                return new SqliteStorage(Path.Combine(contentRoot, options.SqlitePath), loggerFactory?.CreateLogger<SqliteStorage>());
            default:
                throw new InvalidOperationException($"{StorageOptions.Section}:{nameof(StorageOptions.Kind)} '{options.Kind}' is not one of Sqlite, Blob, Memory.");
        }
    }
}
