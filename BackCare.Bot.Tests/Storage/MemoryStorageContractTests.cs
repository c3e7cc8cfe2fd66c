using Microsoft.Bot.Builder;

namespace BackCare.Bot.Tests.Storage;

/// <summary>The contract against the SDK's own MemoryStorage: the reference the other storages are held to.</summary>
public sealed class MemoryStorageContractTests : StorageContractTests
{
    private readonly MemoryStorage _storage = new();

    protected override IStorage Storage => _storage;

    protected override bool KeepsDeletedItemsDeleted => false;

    // Nothing outlives a MemoryStorage, so "another instance over the same data" can only be the same one.
    protected override IStorage OpenAnother() => _storage;
}
