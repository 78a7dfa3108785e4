namespace Grid.Storage.Tests;

/// <summary>The rows of one owner, on the embedded file and on PostgreSQL: the same behaviour from both.</summary>
public abstract class GrainRowStoreContract
{
    protected abstract IGrainRowStore Store { get; }

    [Fact]
    public async Task RowsComeBackInKeyOrderPerOwnerAndKindAndChangesReplaceOrDelete()
    {
        await Store.ApplyAsync("board", "v1", [RowChange.Upsert("b", """{"n":2}"""), RowChange.Upsert("a", """{"n":1}"""), RowChange.Upsert("c", """{"n":3}""")]);
        await Store.ApplyAsync("board", "v2", [RowChange.Upsert("a", """{"n":9}""")]);
        await Store.ApplyAsync("inbox", "v1", [RowChange.Upsert("a", """{"n":8}""")]);
        Assert.Equal(["a", "b", "c"], (await Store.ReadAllAsync("board", "v1")).Select(r => r.Key));

        await Store.ApplyAsync("board", "v1", [RowChange.Upsert("b", """{"n":22}"""), RowChange.Delete("c"), RowChange.Delete("absent")]);

        var rows = await Store.ReadAllAsync("board", "v1");
        Assert.Equal([("a", 1), ("b", 22)], rows.Select(r => (r.Key, System.Text.Json.JsonDocument.Parse(r.Json).RootElement.GetProperty("n").GetInt32())));
        Assert.Single(await Store.ReadAllAsync("board", "v2"));
        Assert.Single(await Store.ReadAllAsync("inbox", "v1"));
        Assert.Empty(await Store.ReadAllAsync("board", "nobody"));
    }

    [Fact]
    public async Task KeysSortOrdinallyAsFixedWidthSequencesNeed()
    {
        var keys = new[] { "0000000000000010", "0000000000000002", "0000000000000100", "B", "a" };
        await Store.ApplyAsync("seq", "o", [.. keys.Select(k => RowChange.Upsert(k, "{}"))]);

        Assert.Equal(keys.Order(StringComparer.Ordinal), (await Store.ReadAllAsync("seq", "o")).Select(r => r.Key));
    }
}

public sealed class SqliteGrainRowStoreTests : GrainRowStoreContract, IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private SqliteDatabase _database = null!;
    private SqliteGrainRowStore _store = null!;

    protected override IGrainRowStore Store => _store;

    public async Task InitializeAsync()
    {
        await SchemaMigrator.ApplySqliteAsync(_directory.ConnectionString);
        _database = new SqliteDatabase(_directory.ConnectionString);
        _store = new SqliteGrainRowStore(_database, "test");
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task AChangeSetThatFailsStoresNoneOfItsChanges()
    {
        await _store.ApplyAsync("board", "v1", [RowChange.Upsert("a", "{}")]);

        // A NULL key breaks the primary key's NOT NULL constraint on the second change of the set.
        await Assert.ThrowsAnyAsync<Exception>(() => _store.ApplyAsync("board", "v1",
            [RowChange.Upsert("b", "{}"), RowChange.Upsert(null!, "{}"), RowChange.Upsert("d", "{}")]));

        Assert.Equal(["a"], (await _store.ReadAllAsync("board", "v1")).Select(r => r.Key));
    }
}

public sealed class PostgresGrainRowStoreTests : GrainRowStoreContract, IAsyncLifetime
{
    private string _connection = null!;
    private PostgresGrainRowStore _store = null!;

    protected override IGrainRowStore Store => _store;

    public async Task InitializeAsync()
    {
        _connection = await PostgresServer.CreateDatabaseAsync();
        await SchemaMigrator.ApplyPostgresAsync(_connection);
        _store = new PostgresGrainRowStore(_connection, "test");
    }

    public Task DisposeAsync() => PostgresServer.DropDatabaseAsync(_connection);
}
