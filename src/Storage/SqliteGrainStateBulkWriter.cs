using Microsoft.Data.Sqlite;

namespace Grid.Storage;

/// <summary>
/// <see cref="IGrainStateBulkWriter"/> on the embedded SQLite file: one <c>BEGIN IMMEDIATE</c>
/// transaction per call and one prepared statement rebound per row. String-keyed grains only:
/// the provider stores their key in <c>GrainIdExtension</c> with both numeric parts 0.
/// </summary>
public sealed class SqliteGrainStateBulkWriter(string connectionString, string serviceId) : IGrainStateBulkWriter
{
    // Same upsert and timestamp format as WriteToStorageKey in Sql/Sqlite/002-grain-state.sql.
    private const string Upsert = """
        INSERT INTO GridGrainState (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension, Payload, Version, ModifiedOn)
        VALUES ($service, $type, 0, 0, $key, $payload, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
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
            pragmas.CommandText = SqliteConnections.PerConnectionPragmas;
            await pragmas.ExecuteNonQueryAsync(ct);
        }
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Upsert;
        var service = command.Parameters.Add("$service", SqliteType.Text);
        var type = command.Parameters.Add("$type", SqliteType.Text);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var payload = command.Parameters.Add("$payload", SqliteType.Text);
        service.Value = serviceId;
        command.Prepare();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            type.Value = row.StateName;
            key.Value = row.Key;
            payload.Value = row.Json;
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
