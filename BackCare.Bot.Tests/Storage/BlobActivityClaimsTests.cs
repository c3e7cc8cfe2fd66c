using BackCare.Bot.Storage;

namespace BackCare.Bot.Tests.Storage;

/// <summary>The claims contract in a blob container on Azurite, each instance a new client.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobActivityClaimsTests(AzuriteFixture azurite) : ActivityClaimsContractTests
{
    private readonly string _container = AzuriteFixture.NewContainerName("claims");

    protected override IActivityClaims Open() => new BlobActivityClaims(new BlobStorage(azurite.ConnectionString, _container), Time);
}
