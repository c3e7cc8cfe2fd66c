using BackCare.Bot.Storage;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Tests.Storage;

/// <summary>The contract against BlobStorage on Azurite, in a container of its own per test; "another instance" is a new client on it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobStorageContractTests(AzuriteFixture azurite) : StorageContractTests
{
    private readonly string _container = AzuriteFixture.NewContainerName("contract");
    private BlobStorage? _storage;

    protected override IStorage Storage => _storage ??= (BlobStorage)OpenAnother();

    protected override IStorage OpenAnother() => new BlobStorage(azurite.ConnectionString, _container);
}
