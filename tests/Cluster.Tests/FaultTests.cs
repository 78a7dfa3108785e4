using System.Net;
using Xunit.Abstractions;
using Grid.LoadTest;

namespace Grid.Cluster.Tests;

/// <summary>Faults under load in cluster mode: a silo killed with SIGKILL, PostgreSQL stopped and started.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FaultTests(ClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task ASiloKilledWithSigkillUnderLoadLosesNoAcknowledgedWriteAssignsNoTaskTwiceAndTimersStillFire()
    {
        await cluster.EnsureTwoSilosAsync();
        using var run = cluster.Load(seconds: 30);
        await run.PrepareAsync();
        var load = run.RunAsync();
        await Task.Delay(TimeSpan.FromSeconds(8));

        cluster.Silos[1].Kill();
        var killedAt = DateTimeOffset.UtcNow;
        var report = await load;

        var acknowledged = run.Acknowledged.ToList();
        Log(report, acknowledged);
        Assert.Contains(acknowledged, w => w.At < killedAt);
        Assert.Contains(acknowledged, w => w.At > killedAt); // the survivors carried on under load
        Assert.Empty(await AcknowledgedWrites.LostAsync(run.World, acknowledged));
        Assert.Empty(await AcknowledgedWrites.TasksHeldTwiceAsync(run.World));
        Assert.Empty(await AcknowledgedWrites.UnfiredDeadlinesAsync(run.World, acknowledged, TimeSpan.FromMinutes(2)));
        Assert.Empty(await AcknowledgedWrites.OffersStuckSinceAsync(run.World, acknowledged, killedAt, TimeSpan.FromMinutes(2)));
        Assert.True(report.Overall.Errors == 0, "No 500s while a silo died:\n" + report.ToText() + cluster.UnhandledErrors());
    }

    [Fact]
    public async Task PostgresRestartedUnderLoadGives503ProblemDetailsWhileDownThenRecoversWithoutLosingAcknowledgedWrites()
    {
        await cluster.EnsureTwoSilosAsync();
        using var run = cluster.Load(seconds: 30);
        await run.PrepareAsync();
        var load = run.RunAsync();
        await Task.Delay(TimeSpan.FromSeconds(8));

        await cluster.Postgres.StopAsync();
        var whileDown = await NewAccountAsync(run.World);
        for (var tries = 1; whileDown.Status != 503 && tries < 3; tries++) whileDown = await NewAccountAsync(run.World);
        await cluster.Postgres.StartAsync();
        var report = await load;
        var recovered = DateTime.UtcNow.AddMinutes(1);
        var after = await NewAccountAsync(run.World);
        while (after.Status != 200 && DateTime.UtcNow < recovered) after = await NewAccountAsync(run.World);
        Log(report, run.Acknowledged);

        Assert.True(whileDown.Status == (int)HttpStatusCode.ServiceUnavailable, $"While down: {whileDown.Status} {whileDown.Body}\n{cluster.UnhandledErrors()}");
        Assert.Contains("\"status\":503", whileDown.Body);
        Assert.Equal(200, after.Status);
        Assert.Empty(await AcknowledgedWrites.LostAsync(run.World, run.Acknowledged));
        Assert.True(report.Overall.Errors == 0, "No 500s while PostgreSQL was down:\n" + report.ToText() + cluster.UnhandledErrors());
    }

    private void Log(LoadReport report, IEnumerable<AcknowledgedWrite> acknowledged)
    {
        output.WriteLine(report.ToText());
        output.WriteLine("acknowledged writes: " + string.Join(", ", acknowledged.GroupBy(w => w.Kind).Select(g => $"{g.Key} {g.Count()}")));
    }

    /// <summary>An account never seen before: its grain must read PostgreSQL to activate.</summary>
    private static Task<ApiAnswer> NewAccountAsync(LoadWorld world)
    {
        var user = "probe-" + Guid.NewGuid().ToString("N")[..10];
        return world.Admin.SendAsync("probe", HttpMethod.Put, $"/api/admin/accounts/{user}",
            new { userName = user, displayName = "探针", password = "probe-password", role = "Resident", regionCode = ClusterFixture.County });
    }
}
