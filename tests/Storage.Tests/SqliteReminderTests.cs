namespace Grid.Storage.Tests;

public sealed class SqliteReminderTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ReminderRegisteredBeforeASiloIsKilledFiresOnANewSiloOverTheSameFile()
    {
        var serviceId = $"grid-{Guid.NewGuid():N}";
        var key = $"alarm-{Guid.NewGuid():N}";

        var first = SqliteClusterFixture.StartSqliteCluster(_directory.Path, serviceId);
        await first.DeployAsync();
        await first.Client.GetGrain<IAlarmGrain>(key).Schedule(ReminderTiming.Due, ReminderTiming.Period);
        var killed = first.Silos[0].SiloAddress;
        await first.KillSiloAsync(first.Silos[0]);
        await first.DisposeAsync();

        await using var second = SqliteClusterFixture.StartSqliteCluster(_directory.Path, serviceId);
        await second.DeployAsync();

        var firedOn = await AlarmLog.FiredOn(key).WaitAsync(TimeSpan.FromSeconds(40));
        Assert.NotEqual(killed, firedOn);
        Assert.Equal(second.Silos[0].SiloAddress, firedOn);
    }
}
