using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Grid.Storage;

/// <summary>
/// The one writer of the embedded SQLite file. Every grain state and reminder write is queued here
/// and run on one dedicated connection; the writes that queue up while a transaction runs are
/// committed together in the next one (group commit).
/// </summary>
/// <remarks>
/// SQLite admits one writer at a time. With a connection per write, concurrent writers meet
/// SQLITE_BUSY and SQLite's busy handler sleeps them (1, 2, 5 … 100 ms), so under load every write
/// waited tens of milliseconds behind the others. One writer never meets a lock, and a batch costs
/// one commit however many writes it holds. A write's task completes only after the commit that
/// holds it succeeded; if a statement or the commit fails, only the writes that did not commit see
/// the failure, and their callers keep their stored state (the grain's save failed).
/// </remarks>
public sealed class SqliteWriter : IAsyncDisposable
{
    // Bounds a transaction's time, so a burst of writes is answered in a few commits rather than one long one.
    private const int MaxBatch = 256;

    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly ILogger? _logger;
    private readonly Task _run;
    private long _commits, _writes;

    public SqliteWriter(string connectionString, ILogger? logger = null)
    {
        _connectionString = connectionString;
        _logger = logger;
        // An async loop on the thread pool, not a dedicated thread blocked on the queue: a blocking
        // wait spins before it sleeps, and between thousands of batches a second that spinning took
        // a large share of a 2-core machine.
        _run = Task.Run(RunAsync);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the writer's connection inside the current batch's transaction;
    /// the task completes with its result once that transaction committed. The work must be one
    /// short statement or a few (a failed statement is undone by SQLite on its own, not the batch).
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteStatements, T> work)
    {
        var write = new Write<T>(work);
        if (!_queue.Writer.TryWrite(write)) write.Fail(new ObjectDisposedException(nameof(SqliteWriter), "The SQLite writer has stopped."));
        return write.Task;
    }

    /// <summary>Transactions committed so far.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Writes committed so far (Writes / Commits is the mean batch).</summary>
    public long Writes => Interlocked.Read(ref _writes);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _run;
    }

    private async Task RunAsync()
    {
        SqliteStatements? statements = null;
        var batch = new List<Write>(MaxBatch);
        try
        {
            while (true)
            {
                if (!_queue.Reader.TryRead(out var first))
                {
                    if (!await _queue.Reader.WaitToReadAsync()) break;
                    continue;
                }
                batch.Add(first);
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
                try
                {
                    // A 64 MiB page cache: a batch touches the same hot pages (boards, inboxes, counters) again and again.
                    statements ??= SqliteStatements.Open(_connectionString, "PRAGMA cache_size = -65536;");
                }
                catch (Exception ex)
                {
                    // The file cannot be opened now: this batch fails (its callers keep their stored state), the next one tries again.
                    _logger?.LogError(ex, "The SQLite writer could not open the database; {Count} writes failed", batch.Count);
                    foreach (var write in batch) write.Fail(ex);
                    batch.Clear();
                    continue;
                }
                if (!Commit(statements, batch))
                {
                    // A broken connection is replaced; the next batch opens a fresh one.
                    statements.Dispose();
                    statements = null;
                }
                batch.Clear();
            }
        }
        finally
        {
            statements?.Dispose();
        }
    }

    private bool Commit(SqliteStatements statements, List<Write> batch)
    {
        SqliteTransaction? transaction = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            transaction = statements.Connection.BeginTransaction(deferred: false);
            statements.Transaction = transaction;
            foreach (var write in batch) Execute(statements, write);
            transaction.Commit();
        }
        catch (Exception ex)
        {
            _logger?.LogError(ex, "A batch of {Count} SQLite writes did not commit", batch.Count);
            try { transaction?.Rollback(); } catch (Exception) { /* the connection is dropped by the caller */ }
            foreach (var write in batch) write.Fail(ex);
            transaction?.Dispose();
            statements.Transaction = null;
            return false;
        }
        transaction.Dispose();
        statements.Transaction = null;
        GridStorage.BatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        GridStorage.BatchSize.Record(batch.Count);
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _writes, batch.Count);
        foreach (var write in batch) write.Complete();
        return true;
    }

    // Each write runs inside a savepoint, so one that throws is undone alone and the others still
    // commit. When the transaction itself is gone (I/O error, full disk) the rollback to the
    // savepoint throws too, and the whole batch fails.
    private static void Execute(SqliteStatements statements, Write write)
    {
        statements.Command("SAVEPOINT grid_write;").ExecuteNonQuery();
        try
        {
            write.Execute(statements);
        }
        catch (Exception ex)
        {
            statements.Command("ROLLBACK TO grid_write;").ExecuteNonQuery();
            write.Failed(ex);
        }
        statements.Command("RELEASE grid_write;").ExecuteNonQuery();
    }

    private abstract class Write
    {
        public abstract void Execute(SqliteStatements statements);
        /// <summary>Its own statement failed and was undone; it is answered with the error after the commit.</summary>
        public abstract void Failed(Exception ex);
        public abstract void Complete();
        public abstract void Fail(Exception ex);
    }

    private sealed class Write<T>(Func<SqliteStatements, T> work) : Write
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _error;

        public Task<T> Task => _done.Task;

        public override void Execute(SqliteStatements statements) => _result = work(statements);

        public override void Failed(Exception ex) => _error = ex;

        public override void Complete()
        {
            if (_error is not null) _done.TrySetException(_error);
            else _done.TrySetResult(_result!);
        }

        public override void Fail(Exception ex) => _done.TrySetException(ex);
    }
}
