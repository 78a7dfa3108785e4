using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Grid.LoadTest;
using Grid.Testing;
using Xunit.Abstractions;

namespace Grid.Cluster.Tests;

/// <summary>Faults under load in cluster mode: a silo killed with SIGKILL, PostgreSQL stopped and started.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FaultTests(ClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task ASiloKilledWithSigkillUnderLoadLosesNoAcknowledgedWriteAssignsNoTaskTwiceAndTimersStillFire()
    {
        await cluster.EnsureTwoSilosAsync();
        using var admin = await cluster.Gateway.SignedInClientAsync(DemoAccounts.Admin);
        var requests = new RealRequests(admin, ClusterFixture.County);
        await requests.PrepareAsync(villages: 3, user => cluster.Gateway.SignedInClientAsync(user, RealRequests.WorkerPassword));
        Assert.NotEmpty(requests.ItemCodes);
        Assert.NotEmpty(requests.Residents);
        Assert.NotEmpty(requests.Workers);
        using var run = cluster.Load(seconds: 20);
        await run.PrepareAsync();
        var load = run.RunAsync();
        // Requests keep coming for 30 s after the kill: calls caught by the dead silo time out and the
        // cluster must be seen accepting new work again, not only before the kill.
        var traffic = requests.RunAsync(DateTimeOffset.UtcNow.AddSeconds(37), senders: 4);
        await Task.Delay(TimeSpan.FromSeconds(7));

        cluster.Silos[1].Kill();
        var killedAt = DateTimeOffset.UtcNow;
        var report = await load;
        await traffic;

        var acknowledged = run.Acknowledged.ToList();
        Log(report, acknowledged);
        var tasks = requests.Acknowledged.ToList();
        output.WriteLine($"real requests acknowledged: {tasks.Count} ({tasks.Count(t => t.At < killedAt)} before the kill, {tasks.Count(t => t.At > killedAt)} after); answers: "
            + string.Join(", ", requests.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(tasks.Count >= 20, $"The run held only {tasks.Count} real tasks.");
        Assert.Contains(tasks, t => t.At < killedAt);
        Assert.Contains(tasks, t => t.At > killedAt);
        Assert.False(requests.Statuses.ContainsKey(500), "A request was answered 500 while a silo died:\n" + cluster.UnhandledErrors());

        // Every acknowledged request reads back as a task (reading it also wakes a task whose outbox the kill interrupted).
        var read = new ConcurrentDictionary<string, JsonObject?>();
        await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (t, _) => read[t.Id] = await requests.TaskAsync(t.Id));
        Assert.Empty(read.Where(r => r.Value is null).Select(r => r.Key));

        var (held, twice, ghosts) = await SettledListsAsync(requests, TimeSpan.FromSeconds(60));
        output.WriteLine($"tasks held in workers' lists: {held.Count}");
        Assert.NotEmpty(held);
        Assert.Empty(twice);
        Assert.Empty(ghosts);
        Assert.Empty(await AcknowledgedWrites.LostAsync(run.World, acknowledged));
        Assert.Empty(await AcknowledgedWrites.TasksHeldTwiceAsync(run.World));
        Assert.Empty(await StuckOffersAsync(requests, tasks.Where(t => t.At < killedAt).Select(t => t.Id).ToList(), killedAt, TimeSpan.FromMinutes(2)));
        Assert.Empty(await AcknowledgedWrites.UnfiredDeadlinesAsync(run.World, acknowledged, TimeSpan.FromMinutes(2)));
        Assert.True(report.Overall.Errors == 0, "No 500s while a silo died:\n" + report.ToText() + cluster.UnhandledErrors());
    }

    /// <summary>
    /// Workers' lists once outboxes have been re-driven: tasks in two lists, and entries whose task
    /// does not exist, is closed or is with someone else. Waits up to <paramref name="within"/> for both to clear.
    /// </summary>
    private static async Task<(List<(string WorkerId, string TaskId)> Held, List<string> Twice, List<string> Ghosts)> SettledListsAsync(
        RealRequests requests, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            var held = await requests.HeldAsync();
            var twice = held.GroupBy(h => h.TaskId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(h => h.WorkerId))}").ToList();
            var ghosts = new List<string>();
            foreach (var (workerId, taskId) in held)
            {
                var task = await requests.TaskAsync(taskId);
                if (task is null) ghosts.Add($"{workerId} holds {taskId}, which does not exist");
                else if (task["workerId"]?.ToString() != workerId || task["stage"]?.ToString() is not ("Offered" or "Accepted" or "CheckedIn"))
                    ghosts.Add($"{workerId} holds {taskId}, which is {task["stage"]} with {task["workerId"]}");
            }
            if ((twice.Count == 0 && ghosts.Count == 0) || DateTime.UtcNow > until) return (held, twice, ghosts);
            await Task.Delay(2000);
        }
    }

    /// <summary>Tasks still offered by an offer made before <paramref name="since"/>: the offer's deadline should have moved them on.</summary>
    private static async Task<List<string>> StuckOffersAsync(RealRequests requests, List<string> ids, DateTimeOffset since, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            var stuck = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, _) =>
            {
                var task = await requests.TaskAsync(id);
                var offered = (task?["history"] as JsonArray)?.OfType<JsonObject>().LastOrDefault(e => e["action"]?.ToString() == "offered");
                if (task?["stage"]?.ToString() == "Offered" && offered?["at"]?.GetValue<DateTimeOffset>() < since) stuck.Add(id);
            });
            if (stuck.IsEmpty || DateTime.UtcNow > until) return stuck.Select(id => $"task {id} still offered since before the kill").ToList();
            ids = [.. stuck];
            await Task.Delay(2000);
        }
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
