using Npgsql;
using NpgsqlTypes;

namespace Grid.Storage;

/// <summary>
/// <see cref="IGrainStateBulkWriter"/> on PostgreSQL: the rows are copied (binary COPY) into a
/// temporary table and upserted from there in the same transaction, the way
/// WriteToStorageKey in Sql/PostgreSql/003-grain-state.sql would store each one.
/// </summary>
public sealed class PostgresGrainStateBulkWriter(string connectionString, string serviceId) : IGrainStateBulkWriter
{
    public async Task WriteAsync(IReadOnlyList<GrainStateRow> rows, CancellationToken ct = default)
    {
        if (rows.Count == 0) return;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE GridGrainStateBulk (GrainType text, GrainIdN0 bigint, GrainIdN1 bigint, GrainIdExtension text, Payload text) ON COMMIT DROP;", connection, transaction))
            await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY GridGrainStateBulk (GrainType, GrainIdN0, GrainIdN1, GrainIdExtension, Payload) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(row.StateName, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.N0, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(row.N1, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(row.Extension, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Json, NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO GridGrainState (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension, Payload, Version, ModifiedOn)
            SELECT @service, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension, Payload::json, 1, now() FROM GridGrainStateBulk
            ON CONFLICT (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension) DO UPDATE
            SET Payload = excluded.Payload, Version = GridGrainState.Version + 1, ModifiedOn = excluded.ModifiedOn;
            """, connection, transaction))
        {
            upsert.Parameters.AddWithValue("service", serviceId);
            await upsert.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
