using Microsoft.Data.Sqlite;

namespace Grid.Storage;

/// <summary>Connection settings for the embedded SQLite file.</summary>
public static class SqliteConnections
{
    // Seconds a statement keeps retrying while another connection holds the write lock.
    private const int BusyTimeoutSeconds = 30;

    // synchronous and busy_timeout belong to a connection, not to the file, so every
    // connection Grid opens gets them (see SqliteStatements). NORMAL is durable
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
