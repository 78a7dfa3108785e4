using Microsoft.Extensions.Logging;

namespace Grid.Storage;

/// <summary>
/// The embedded database file as the silo uses it: one <see cref="SqliteWriter"/> that every
/// grain state and reminder write goes through, and a pool of <see cref="SqliteReaders"/>.
/// One per silo; disposing it commits what is queued, then closes the connections.
/// </summary>
public sealed class SqliteDatabase(string connectionString, ILogger? logger = null) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public SqliteWriter Writer { get; } = new(connectionString, logger);

    public SqliteReaders Readers { get; } = new(connectionString);

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        Readers.Dispose();
    }
}
