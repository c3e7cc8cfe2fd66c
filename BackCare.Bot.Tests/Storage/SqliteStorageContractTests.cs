using BackCare.Bot.Storage;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Tests.Storage;

/// <summary>The contract against SqliteStorage on a temporary file; "another instance" opens the same file anew.</summary>
public sealed class SqliteStorageContractTests : StorageContractTests, IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly List<SqliteStorage> _opened = [];
    private readonly SqliteStorage _storage;

    public SqliteStorageContractTests()
    {
        _storage = Open();
    }

    protected override IStorage Storage => _storage;

    protected override IStorage OpenAnother() => Open();

    public void Dispose()
    {
        foreach (var storage in _opened)
        {
            storage.Dispose();
        }

        _folder.Dispose();
    }

    private SqliteStorage Open()
    {
        var storage = new SqliteStorage(_folder.File("state.db"));
        _opened.Add(storage);
        return storage;
    }
}
