using Microsoft.Data.Sqlite;

namespace Grid.Storage;

/// <summary>
/// <see cref="IGrainStateBulkWriter"/> on the embedded SQLite file: one <c>BEGIN IMMEDIATE</c>
/// transaction per call and one prepared statement rebound per row.
/// </summary>
public sealed class SqliteGrainStateBulkWriter(string connectionString, string serviceId) : IGrainStateBulkWriter
{
    // Same upsert and timestamp format as WriteToStorageKey in Sql/Sqlite/002-grain-state.sql.
    private const string Upsert = """
        INSERT INTO GridGrainState (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension, Payload, Version, ModifiedOn)
        VALUES ($service, $type, $n0, $n1, $key, $payload, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        ON CONFLICT (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension) DO UPDATE
        SET Payload = excluded.Payload, Version = GridGrainState.Version + 1, ModifiedOn = excluded.ModifiedOn;
        """;

    public async Task WriteAsync(IReadOnlyList<GrainStateRow> rows, CancellationToken ct = default)
    {
        if (rows.Count == 0) return;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var pragmas = connection.CreateCommand())
        {
            // A larger page cache for this one connection: a batch touches tens of megabytes of pages.
            pragmas.CommandText = SqliteConnections.PerConnectionPragmas + "PRAGMA cache_size = -65536;";
            await pragmas.ExecuteNonQueryAsync(ct);
        }
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Upsert;
        var service = command.Parameters.Add("$service", SqliteType.Text);
        var type = command.Parameters.Add("$type", SqliteType.Text);
        var n0 = command.Parameters.Add("$n0", SqliteType.Integer);
        var n1 = command.Parameters.Add("$n1", SqliteType.Integer);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var payload = command.Parameters.Add("$payload", SqliteType.Text);
        service.Value = serviceId;
        command.Prepare();
        // In key order the table's B-tree is filled page after page instead of split at random.
        foreach (var row in rows.OrderBy(r => r.StateName, StringComparer.Ordinal).ThenBy(r => r.N0).ThenBy(r => r.N1).ThenBy(r => r.Extension, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            type.Value = row.StateName;
            n0.Value = row.N0;
            n1.Value = row.N1;
            key.Value = row.Extension;
            payload.Value = row.Json;
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
