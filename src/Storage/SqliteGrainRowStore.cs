using System.Diagnostics;

namespace Grid.Storage;

/// <summary><see cref="IGrainRowStore"/> on the embedded file: reads on a pooled reader, changes through the one writer.</summary>
public sealed class SqliteGrainRowStore(SqliteDatabase database, string serviceId) : IGrainRowStore
{
    public async Task<IReadOnlyList<StoredRow>> ReadAllAsync(string kind, string owner)
    {
        var started = Stopwatch.GetTimestamp();
        var rows = await database.Readers.ReadAsync(s =>
        {
            var command = s.Command("SELECT RowKey, Payload FROM GridGrainRow WHERE ServiceId = $service AND Kind = $kind AND Owner = $owner ORDER BY RowKey;");
            command.Parameters.AddWithValue("$service", serviceId);
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$owner", owner);
            using var reader = command.ExecuteReader();
            var list = new List<StoredRow>();
            while (reader.Read()) list.Add(new StoredRow(reader.GetString(0), reader.GetString(1)));
            return list;
        });
        GrainRowMetrics.Record("rows-read", kind, started);
        return rows;
    }

    public async Task ApplyAsync(string kind, string owner, IReadOnlyList<RowChange> changes)
    {
        if (changes.Count == 0) return;
        var started = Stopwatch.GetTimestamp();
        // One write of the batch: its statements commit together or, on a failure, not at all.
        await database.Writer.WriteAsync(s =>
        {
            foreach (var change in changes)
            {
                var command = s.Command(change.Json is null
                    ? "DELETE FROM GridGrainRow WHERE ServiceId = $service AND Kind = $kind AND Owner = $owner AND RowKey = $key;"
                    : """
                      INSERT INTO GridGrainRow (ServiceId, Kind, Owner, RowKey, Payload, ModifiedOn)
                      VALUES ($service, $kind, $owner, $key, $payload, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                      ON CONFLICT (ServiceId, Kind, Owner, RowKey) DO UPDATE SET Payload = excluded.Payload, ModifiedOn = excluded.ModifiedOn;
                      """);
                command.Parameters.AddWithValue("$service", serviceId);
                command.Parameters.AddWithValue("$kind", kind);
                command.Parameters.AddWithValue("$owner", owner);
                command.Parameters.AddWithValue("$key", change.Key);
                if (change.Json is not null) command.Parameters.AddWithValue("$payload", change.Json);
                command.ExecuteNonQuery();
            }
            return changes.Count;
        });
        GrainRowMetrics.Record("rows-write", kind, started, changes);
    }
}

internal static class GrainRowMetrics
{
    public static void Record(string operation, string kind, long started, IReadOnlyList<RowChange>? changes = null)
    {
        GridStorage.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new("operation", operation), new("state", kind));
        if (changes is null) return;
        long bytes = 0;
        foreach (var change in changes) bytes += change.Json is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(change.Json);
        GridStorage.BytesWritten.Add(bytes, new KeyValuePair<string, object?>("state", kind));
    }
}
