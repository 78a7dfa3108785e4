using Microsoft.Data.Sqlite;

namespace Grid.Gateway.Tests.Access;

/// <summary>
/// Watches the gateway's SQLite store from a connection of its own: SQLite's data_version changes
/// exactly when another connection commits a write, so an unchanged value means nothing was stored.
/// </summary>
public sealed class StorageWatch : IDisposable
{
    private readonly SqliteConnection _connection;

    public StorageWatch(string databaseFile)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly }.ToString());
        _connection.Open();
    }

    public long Version() => Scalar<long>("PRAGMA data_version");

    /// <summary>Waits until nothing has been written for <paramref name="quiet"/> (work an accepted call set going has landed).</summary>
    public async Task<long> SettleAsync(TimeSpan quiet, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        var version = Version();
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(quiet);
            var now = Version();
            if (now == version) return now;
            version = now;
        }
        return version;
    }

    /// <summary>What was written since a moment: "grain-type key" of grain states and "kind owner" of grain rows.</summary>
    public IReadOnlyList<string> WrittenSince(DateTime utc)
    {
        var since = utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT GrainType || ' ' || GrainIdExtension FROM GridGrainState WHERE ModifiedOn >= $since
            UNION ALL SELECT Kind || ' ' || Owner FROM GridGrainRow WHERE ModifiedOn >= $since LIMIT 10
            """;
        command.Parameters.AddWithValue("$since", since);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }

    private T Scalar<T>(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    public void Dispose() => _connection.Dispose();
}
