using BackCare.Bot.Storage;

namespace BackCare.Bot.Tests.Storage;

/// <summary>The claims contract in one SQLite file, each instance opening it anew.</summary>
public sealed class SqliteActivityClaimsTests : ActivityClaimsContractTests, IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly List<SqliteStorage> _opened = [];

    public void Dispose()
    {
        foreach (var storage in _opened)
        {
            storage.Dispose();
        }

        _folder.Dispose();
    }

    protected override IActivityClaims Open()
    {
        var storage = new SqliteStorage(_folder.File("state.db"));
        _opened.Add(storage);
        return new SqliteActivityClaims(storage, Time);
    }
}
