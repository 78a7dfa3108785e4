using Npgsql;

namespace Grid.Storage.Tests;

public sealed class PostgresReminderAndMigrationTests : IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync();

    public Task DisposeAsync() => PostgresServer.DropDatabaseAsync(_connectionString);

    [Fact]
    public async Task ReminderRegisteredBeforeASiloIsKilledFiresOnANewSiloOverTheSameDatabase()
    {
        var serviceId = $"grid-{Guid.NewGuid():N}";
        var key = $"alarm-{Guid.NewGuid():N}";

        var first = await PostgresCluster.StartAsync(_connectionString, serviceId, silos: 1);
        await first.Client.GetGrain<IAlarmGrain>(key).Schedule(ReminderTiming.Due, ReminderTiming.Period);
        var killed = PostgresCluster.AddressOf(first.Silos[0]);
        await first.KillSiloAsync(first.Silos[0]);
        await first.DisposeAsync();

        await using var second = await PostgresCluster.StartAsync(_connectionString, serviceId, silos: 1);

        var firedOn = await AlarmLog.FiredOn(key).WaitAsync(TimeSpan.FromSeconds(40));
        Assert.NotEqual(killed, firedOn);
        Assert.Equal(PostgresCluster.AddressOf(second.Silos[0]), firedOn);
    }

    [Fact]
    public async Task ApplyingTheScriptsTwiceAndInParallelAppliesEachScriptOnce()
    {
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => SchemaMigrator.ApplyPostgresAsync(_connectionString))));
        var first = await SnapshotAsync();

        await SchemaMigrator.ApplyPostgresAsync(_connectionString);

        Assert.Equal(first, await SnapshotAsync());
        Assert.Contains("script:004-reminders.sql", first);
        Assert.Contains("query:InsertMembershipKey", first);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT 'table:' || table_name FROM information_schema.tables WHERE table_schema = 'public'
            UNION ALL SELECT 'query:' || QueryKey || ':' || md5(QueryText) FROM OrleansQuery
            UNION ALL SELECT 'script:' || Script || ':' || Sha256 || ':' || AppliedAt FROM GridSchemaVersion
            ORDER BY 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return string.Join("\n", rows);
    }
}
