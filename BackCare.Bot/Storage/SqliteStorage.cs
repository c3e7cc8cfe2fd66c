using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;

namespace BackCare.Bot.Storage;

/// <summary>
/// An <see cref="IStorage"/> in one SQLite file: one table, key → JSON text and ETag. It is the embedded default,
/// so that conversations and screening outcomes survive a restart with no server to install. ETags follow the
/// SDK's MemoryStorage exactly: an <see cref="IStoreItem"/> written over a stored one must carry the stored
/// ETag or "*", else <see cref="ETagConflictException"/>; a missing key takes an item with no ETag (or "*"), and
/// one with an ETag is a conflict (it was read, then deleted: it stays deleted); other values are not checked. Each call opens its own (pooled) connection and a write is one IMMEDIATE transaction, so it is
/// safe from many threads and from several processes on one file (WAL lets readers run beside the writer).
/// </summary>
public sealed class SqliteStorage : IStorage, IStorageKeyLister, IDisposable
{
    private const string Table = "StateItems";

    private readonly string _connectionString;
    private readonly StateJsonSerializer _serializer;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile bool _schemaReady;

    public SqliteStorage(string path, ILogger<SqliteStorage>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
        _serializer = new StateJsonSerializer(logger);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,

            // How long a statement waits for another writer (in this or another process) before failing.
            // Transactions here last milliseconds; the bound keeps a turn well inside Teams' 15-second resend window.
            DefaultTimeout = 10,
        }.ToString();
    }

    /// <summary>The database file, as an absolute path.</summary>
    public string FilePath { get; }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, object>(StringComparer.Ordinal);
        if (keys.Length == 0)
        {
            return found;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Key, Json, ETag FROM {Table} WHERE Key IN ({AddKeyParameters(command, keys)})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = reader.GetString(0);
            var value = _serializer.Deserialize(key, reader.GetString(1));
            if (value is IStoreItem item)
            {
                item.ETag = reader.IsDBNull(2) ? null : reader.GetString(2);
            }

            found[key] = value;
        }

        return found;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        // Serialize before taking the write lock: it is the slow part and needs no database.
        var rows = changes.Select(change => (change.Key, Value: (object?)change.Value, Json: change.Value is null ? null : _serializer.Serialize(change.Value))).ToList();

        // SQLite has one writer at a time anyway; queueing this process's writers here (without blocking a
        // thread) leaves the file lock, and its busy wait, to contention between processes.
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteRowsAsync(rows, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM {Table} WHERE Key IN ({AddKeyParameters(command, keys)})";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Keys in key order, one short read per page (keyset paging on the primary key), so no page holds a lock for long.</summary>
    public async IAsyncEnumerable<IReadOnlyList<string>> ListKeysAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        string? after = null;
        while (true)
        {
            var page = new List<string>(pageSize);
            await using (var connection = await OpenAsync(cancellationToken).ConfigureAwait(false))
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT Key FROM {Table} WHERE $after IS NULL OR Key > $after ORDER BY Key LIMIT $size";
                command.Parameters.AddWithValue("$after", (object?)after ?? DBNull.Value);
                command.Parameters.AddWithValue("$size", pageSize);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    page.Add(reader.GetString(0));
                }
            }

            if (page.Count == 0)
            {
                yield break;
            }

            yield return page;
            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1];
        }
    }

    /// <summary>Closes the pooled connections to the file, so that it can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task WriteRowsAsync(List<(string Key, object? Value, string? Json)> rows, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // IMMEDIATE (deferred: false): the write lock is taken at BEGIN, so the ETag read below cannot go stale
        // before the write. All changes are applied or none (MemoryStorage keeps those before a conflict; this is stricter).
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var (key, value, json) in rows)
        {
            if (value is null)
            {
                // MemoryStorage reads a key written as null as missing.
                await DeleteKeyAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false);
                continue;
            }

            string? newETag = null;
            if (value is IStoreItem item)
            {
                if (item.ETag != "*")
                {
                    var (exists, current) = await ReadETagAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false);
                    // Read with an ETag and deleted since ("forget me"): a conflict, so that a turn in flight cannot bring it back.
                    if ((exists && current is not null && item.ETag != current) || (!exists && !string.IsNullOrEmpty(item.ETag)))
                    {
                        throw new ETagConflictException(key, item.ETag, current);
                    }
                }

                newETag = Guid.NewGuid().ToString("N");
            }

            await using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = $"INSERT INTO {Table} (Key, Json, ETag) VALUES ($key, $json, $etag) ON CONFLICT (Key) DO UPDATE SET Json = excluded.Json, ETag = excluded.ETag";
            upsert.Parameters.AddWithValue("$key", key);
            upsert.Parameters.AddWithValue("$json", json!);
            upsert.Parameters.AddWithValue("$etag", (object?)newETag ?? DBNull.Value);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string AddKeyParameters(SqliteCommand command, string[] keys)
    {
        var names = new string[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            names[i] = "$k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(names[i], keys[i] ?? throw new ArgumentException("A key is null.", nameof(keys)));
        }

        return string.Join(", ", names);
    }

    private static async Task<(bool Exists, string? ETag)> ReadETagAsync(SqliteConnection connection, SqliteTransaction transaction, string key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT ETag FROM {Table} WHERE Key = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (true, reader.IsDBNull(0) ? null : reader.GetString(0))
            : (false, null);
    }

    private static async Task DeleteKeyAsync(SqliteConnection connection, SqliteTransaction transaction, string key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"DELETE FROM {Table} WHERE Key = $key";
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An open connection to the file, the schema made (also for <see cref="SqliteActivityClaims"/>).</summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_schemaReady)
        {
            // SQLite creates the file but not its folder (data/ on a fresh machine).
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Per connection (a pooled one keeps them; setting them again costs no I/O). busy_timeout lets SQLite
            // wait for another process's write with its own short back-off. NORMAL sync is safe with WAL: a power
            // cut may lose the last commits but never corrupts the file, and a crash or restart loses nothing.
            await using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
                await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!_schemaReady)
            {
                await EnsureSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates the folder, the table and WAL mode on first use; a failure is retried on the next call.</summary>
    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await using var command = connection.CreateCommand();

            // WAL is a property of the file (every later connection, in any process, uses it): readers do not
            // wait for the writer, and a commit is one append.
            command.CommandText = $"""
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS {Table} (
                    Key  TEXT NOT NULL PRIMARY KEY,
                    Json TEXT NOT NULL,
                    ETag TEXT NULL
                );
                """;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }
}
