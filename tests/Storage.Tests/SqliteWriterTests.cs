using Microsoft.Data.Sqlite;

namespace Grid.Storage.Tests;

/// <summary>The embedded file's one writer: group commit, and no success answered for a write that did not commit.</summary>
public sealed class SqliteWriterTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        await SchemaMigrator.ApplySqliteAsync(_directory.ConnectionString);
        _database = new SqliteDatabase(_directory.ConnectionString);
        await _database.Writer.WriteAsync(s => s.Command("CREATE TABLE Probe (Id INTEGER PRIMARY KEY, Text TEXT NOT NULL);").ExecuteNonQuery());
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task ConcurrentWritesAllCommitInFewerTransactionsThanWrites()
    {
        var before = _database.Writer.Commits;
        await Task.WhenAll(Enumerable.Range(1, 400).Select(i => Task.Run(() => InsertAsync(i))));

        Assert.Equal(400, Count());
        var commits = _database.Writer.Commits - before;
        Assert.InRange(commits, 1, 399); // grouped: at least one transaction held several writes
    }

    [Fact]
    public async Task AWriteThatThrowsIsUndoneAloneAndTheRestOfItsBatchCommits()
    {
        using var gate = new ManualResetEventSlim();
        var blocker = HoldTheWriter(gate);
        var commitsBefore = _database.Writer.Commits;
        var first = InsertAsync(1);
        var failing = _database.Writer.WriteAsync<int>(s =>
        {
            Insert(s, 2);
            throw new InvalidOperationException("the write's own failure");
        });
        var third = InsertAsync(3);
        gate.Set();

        Assert.True(await blocker);
        await first;
        await third;
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal([1, 3], Ids());
        Assert.Equal(commitsBefore + 2, _database.Writer.Commits); // the blocker's batch, then one for the three
    }

    [Fact]
    public async Task WhenTheTransactionIsLostNoWriteOfTheBatchIsAnsweredAsDone()
    {
        using var gate = new ManualResetEventSlim();
        var blocker = HoldTheWriter(gate);
        var first = InsertAsync(1);
        // Ends the batch's transaction under the writer, as an I/O error or a full disk would.
        var breaking = _database.Writer.WriteAsync(s => s.Command("ROLLBACK;").ExecuteNonQuery());
        var third = InsertAsync(3);
        gate.Set();
        await blocker;

        await Assert.ThrowsAnyAsync<Exception>(() => first);
        await Assert.ThrowsAnyAsync<Exception>(() => breaking);
        await Assert.ThrowsAnyAsync<Exception>(() => third);
        Assert.Empty(Ids());

        // The writer opens a fresh connection and goes on.
        await InsertAsync(4);
        Assert.Equal([4], Ids());
    }

    // Occupies the writer until the gate opens, so the writes queued meanwhile form the next batch together.
    private Task<bool> HoldTheWriter(ManualResetEventSlim gate)
    {
        using var running = new ManualResetEventSlim();
        var blocker = _database.Writer.WriteAsync(_ =>
        {
            running.Set();
            return gate.Wait(TimeSpan.FromSeconds(10));
        });
        Assert.True(running.Wait(TimeSpan.FromSeconds(10)));
        return blocker;
    }

    private Task<int> InsertAsync(int id) => _database.Writer.WriteAsync(s => Insert(s, id));

    private static int Insert(SqliteStatements s, int id)
    {
        var command = s.Command("INSERT INTO Probe (Id, Text) VALUES ($id, 'x');");
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery();
    }

    private long Count() => _database.Readers.ReadAsync(s => (long)s.Command("SELECT count(*) FROM Probe;").ExecuteScalar()!).GetAwaiter().GetResult();

    private int[] Ids() => _database.Readers.ReadAsync(s =>
    {
        using var reader = s.Command("SELECT Id FROM Probe ORDER BY Id;").ExecuteReader();
        var ids = new List<int>();
        while (reader.Read()) ids.Add(reader.GetInt32(0));
        return ids.ToArray();
    }).GetAwaiter().GetResult();
}
