using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Grid.Storage;

/// <summary>
/// One open SQLite connection (with Grid's per-connection pragmas) and its prepared statements,
/// kept by SQL text so a hot statement is compiled once per connection, not once per call.
/// Not thread-safe: one user at a time (the writer thread, or a reader that rented it).
/// </summary>
public sealed class SqliteStatements : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    private SqliteStatements(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>The transaction commands join while the writer holds one.</summary>
    internal SqliteTransaction? Transaction { get; set; }

    /// <param name="pragmas">More per-connection settings after Grid's own (the writer's larger page cache, say).</param>
    public static SqliteStatements Open(string connectionString, string pragmas = "")
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = SqliteConnections.PerConnectionPragmas + pragmas;
            command.ExecuteNonQuery();
            return new SqliteStatements(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The prepared command for <paramref name="sql"/>, its parameters cleared for this use.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        command.Parameters.Clear();
        command.Transaction = Transaction;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        Connection.Dispose();
    }
}

/// <summary>
/// Reader connections of the embedded file. In WAL mode reads never wait for the writer, but SQLite
/// keeps only a few read marks in the WAL index: with dozens of readers at once, each pinning a
/// different snapshot while the writer commits every millisecond, readers fight for the marks and
/// sleep in SQLite's retry loop. So at most <see cref="MaxReaders"/> read at once; the others wait
/// for a connection without holding a thread.
/// </summary>
public sealed class SqliteReaders(string connectionString) : IDisposable
{
    public const int MaxReaders = 4;
    private readonly ConcurrentBag<SqliteStatements> _idle = [];
    private readonly SemaphoreSlim _gate = new(MaxReaders, MaxReaders);

    public async Task<T> ReadAsync<T>(Func<SqliteStatements, T> read)
    {
        await _gate.WaitAsync();
        try
        {
            // Reads map the file instead of copying pages through SQLite's cache.
            var statements = _idle.TryTake(out var idle) ? idle : SqliteStatements.Open(connectionString, "PRAGMA mmap_size = 268435456;");
            try
            {
                var result = read(statements);
                _idle.Add(statements);
                return result;
            }
            catch
            {
                // A connection that failed mid-read is not trusted again.
                statements.Dispose();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var statements)) statements.Dispose();
    }
}
