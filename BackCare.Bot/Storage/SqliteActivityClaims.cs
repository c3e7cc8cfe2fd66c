using Microsoft.Data.Sqlite;

namespace BackCare.Bot.Storage;

/// <summary>
/// Activity claims in the SQLite file the state is in, one row per claim: the INSERT on the unique id is the
/// conditional create, and it takes over a row whose claim has expired, in the same statement.
/// </summary>
public sealed class SqliteActivityClaims(SqliteStorage storage, TimeProvider time) : IActivityClaims
{
    private const string Table = "ActivityClaims";

    private volatile bool _tableReady;

    public async Task<bool> TryClaimAsync(string id, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO {Table} (Id, Expires) VALUES ($id, $expires)
            ON CONFLICT (Id) DO UPDATE SET Expires = excluded.Expires WHERE {Table}.Expires <= $now
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$expires", expires.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task ReleaseAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {Table} WHERE Id = $id";
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {Table} WHERE Expires <= $now";
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await storage.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!_tableReady)
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"CREATE TABLE IF NOT EXISTS {Table} (Id TEXT NOT NULL PRIMARY KEY, Expires INTEGER NOT NULL)";
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _tableReady = true;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return connection;
    }
}
