using System.Diagnostics;
using Npgsql;

namespace Grid.Storage;

/// <summary><see cref="IGrainRowStore"/> on PostgreSQL (cluster mode): one transaction per call.</summary>
public sealed class PostgresGrainRowStore(string connectionString, string serviceId) : IGrainRowStore
{
    public async Task<IReadOnlyList<StoredRow>> ReadAllAsync(string kind, string owner)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT RowKey, Payload::text FROM GridGrainRow WHERE ServiceId = @service AND Kind = @kind AND Owner = @owner ORDER BY RowKey;", connection);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("owner", owner);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StoredRow>();
        while (await reader.ReadAsync()) rows.Add(new StoredRow(reader.GetString(0), reader.GetString(1)));
        GrainRowMetrics.Record("rows-read", kind, started);
        return rows;
    }

    public async Task ApplyAsync(string kind, string owner, IReadOnlyList<RowChange> changes)
    {
        if (changes.Count == 0) return;
        var started = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var change in changes)
        {
            var command = new NpgsqlBatchCommand(change.Json is null
                ? "DELETE FROM GridGrainRow WHERE ServiceId = @service AND Kind = @kind AND Owner = @owner AND RowKey = @key;"
                : """
                  INSERT INTO GridGrainRow (ServiceId, Kind, Owner, RowKey, Payload, ModifiedOn)
                  VALUES (@service, @kind, @owner, @key, @payload::json, now())
                  ON CONFLICT (ServiceId, Kind, Owner, RowKey) DO UPDATE SET Payload = excluded.Payload, ModifiedOn = excluded.ModifiedOn;
                  """);
            command.Parameters.AddWithValue("service", serviceId);
            command.Parameters.AddWithValue("kind", kind);
            command.Parameters.AddWithValue("owner", owner);
            command.Parameters.AddWithValue("key", change.Key);
            if (change.Json is not null) command.Parameters.AddWithValue("payload", change.Json);
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        GrainRowMetrics.Record("rows-write", kind, started, changes);
    }
}
