using BackCare.Bot.Storage;

namespace BackCare.Bot.Tests.Storage;

/// <summary>The claims contract in one process's memory.</summary>
public sealed class MemoryActivityClaimsTests : ActivityClaimsContractTests
{
    private MemoryActivityClaims? _claims;

    // Memory claims are one process's: "another instance" can only be the same one.
    protected override IActivityClaims Open() => _claims ??= new MemoryActivityClaims(Time);
}
