using Microsoft.Data.Sqlite;

namespace Grid.Storage.Tests;

public sealed class SqliteSchemaMigratorTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ApplyingTheScriptsTwiceChangesNothing()
    {
        await SchemaMigrator.ApplySqliteAsync(_directory.ConnectionString);
        var first = await SnapshotAsync();

        await SchemaMigrator.ApplySqliteAsync(_directory.ConnectionString);

        Assert.Equal(first, await SnapshotAsync());
        Assert.Equal(5, await ScalarAsync<long>("SELECT count(*) FROM GridSchemaVersion"));
        Assert.Contains("table:GridGrainState:", first);
        Assert.Contains("table:GridReminder:", first);
        Assert.DoesNotContain("table:OrleansQuery:", first); // embedded mode runs its own statements
    }

    [Fact]
    public async Task MigratorsStartingTogetherAllSucceedAndApplyEachScriptOnce()
    {
        await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => SchemaMigrator.ApplySqliteAsync(_directory.ConnectionString))));

        Assert.Equal(5, await ScalarAsync<long>("SELECT count(*) FROM GridSchemaVersion"));
        Assert.Equal(1, await ScalarAsync<long>("SELECT count(*) FROM sqlite_schema WHERE name = 'GridGrainState'"));
    }

    [Fact]
    public async Task DatabaseIsInWalModeAfterMigration()
    {
        await SchemaMigrator.ApplySqliteAsync(_directory.ConnectionString);

        Assert.Equal("wal", await ScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task ScriptEditedAfterItWasAppliedIsReported()
    {
        await SchemaMigrator.ApplySqliteAsync(_directory.ConnectionString);
        await ScalarAsync<long>("UPDATE GridSchemaVersion SET Sha256 = 'edited' WHERE Script = '002-grain-state.sql'; SELECT changes()");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.ApplySqliteAsync(_directory.ConnectionString));
        Assert.Contains("002-grain-state.sql", error.Message);
    }

    private async Task<string> SnapshotAsync()
    {
        var rows = new List<string>();
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT type || ':' || name || ':' || coalesce(sql, '') FROM sqlite_schema
            UNION ALL SELECT 'script:' || Script || ':' || Sha256 || ':' || AppliedAt FROM GridSchemaVersion
            ORDER BY 1
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return string.Join("\n", rows);
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_directory.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
