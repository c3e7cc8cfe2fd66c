using System.Globalization;
using BackCare.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Storage;

/// <summary>What is particular to the SQLite file: its creation, WAL mode, and reading what someone else wrote into it.</summary>
public sealed class SqliteStorageTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_folder_and_file_are_created_on_first_use_in_WAL_mode()
    {
        var path = Path.Combine(_folder.Path, "data", "nested", "backcare.db");
        using var storage = new SqliteStorage(path);
        Assert.False(File.Exists(path));

        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new StoredValue { Count = 1 } });

        Assert.True(File.Exists(path));
        Assert.Equal("wal", await ScalarAsync(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Many_concurrent_writers_on_two_instances_lose_nothing()
    {
        var path = _folder.File("state.db");
        using var first = new SqliteStorage(path);
        using var second = new SqliteStorage(path);
        var storages = new IStorage[] { first, second };

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await storages[worker % 2].WriteAsync(new Dictionary<string, object> { [$"w{worker}/{i}"] = new StoredItem { Count = i } });
            }
        })));

        var keys = Enumerable.Range(0, 8).SelectMany(w => Enumerable.Range(0, 25).Select(i => $"w{w}/{i}")).ToArray();
        var read = await first.ReadAsync(keys);
        Assert.Equal(keys.Length, read.Count);
        Assert.All(keys, key => Assert.Equal(int.Parse(key[(key.IndexOf('/') + 1)..], CultureInfo.InvariantCulture), Assert.IsType<StoredItem>(read[key]).Count));
    }

    [Fact]
    public async Task A_stored_type_outside_the_allowed_ones_is_never_created_and_the_item_reads_as_plain_json()
    {
        var path = _folder.File("state.db");
        using var storage = new SqliteStorage(path);
        await storage.WriteAsync(new Dictionary<string, object> { ["ok"] = new StoredValue() });

        // As if someone with access to the file had planted a gadget type in a conversation's state.
        await InsertRawAsync(path, "planted", """
            {"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.Object, System.Private.CoreLib]], System.Private.CoreLib",
             "DialogState":{"$type":"BackCare.Bot.DialogEngine.DialogState, BackCare.Bot","DialogStack":{"$type":"System.Collections.Generic.List`1[[BackCare.Bot.DialogEngine.DialogInstance, BackCare.Bot]], System.Private.CoreLib","$values":[]}},
             "gadget":{"$type":"System.IO.FileInfo, System.IO.FileSystem","OriginalPath":"/etc/passwd","FullPath":"/etc/passwd"}}
            """);

        var read = (await storage.ReadAsync(["planted"]))["planted"];

        var json = Assert.IsType<JObject>(read);
        Assert.DoesNotContain("$type", json.ToString(), StringComparison.Ordinal);
        Assert.Equal("/etc/passwd", (string?)json["gadget"]?["OriginalPath"]);
        Assert.Empty(Assert.IsType<JArray>(json["DialogState"]?["DialogStack"]));
    }

    [Fact]
    public async Task A_stored_type_that_no_longer_exists_still_reads_as_plain_json()
    {
        var path = _folder.File("state.db");
        using var storage = new SqliteStorage(path);
        await storage.WriteAsync(new Dictionary<string, object> { ["ok"] = new StoredValue() });
        await InsertRawAsync(path, "renamed", """{"$type":"BackCare.Bot.State.RenamedSinceThen, BackCare.Bot","Step":2}""");

        var read = Assert.IsType<JObject>((await storage.ReadAsync(["renamed"]))["renamed"]);

        Assert.Equal(2, (int?)read["Step"]);
    }

    private static async Task<string?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }

    private static async Task InsertRawAsync(string path, string key, string json)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO StateItems (Key, Json, ETag) VALUES ($key, $json, NULL)";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$json", json);
        await command.ExecuteNonQueryAsync();
    }
}
