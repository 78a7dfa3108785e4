using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Grid.Storage;

/// <summary>Connection settings for the embedded SQLite file.</summary>
public static class SqliteConnections
{
    // Seconds a statement keeps retrying while another connection holds the write lock.
    private const int BusyTimeoutSeconds = 30;

    // synchronous and busy_timeout belong to a connection, not to the file, so every
    // connection Orleans opens gets them (see GridSqliteDataSource). NORMAL is durable
    // across application crashes in WAL mode; only an OS crash can lose the last commits.
    internal const string PerConnectionPragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";

    /// <summary>The connection string for the database file at <paramref name="path"/>.</summary>
    public static string ForFile(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = BusyTimeoutSeconds,
    }.ToString();
}

/// <summary>
/// Hands Orleans' ADO.NET providers SQLite connections that already carry the per-connection
/// pragmas; a plain connection string could not set them.
/// </summary>
internal sealed class GridSqliteDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(connectionString);

    protected override DbConnection OpenDbConnection()
    {
        var connection = CreateDbConnection();
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = SqliteConnections.PerConnectionPragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = SqliteConnections.PerConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
