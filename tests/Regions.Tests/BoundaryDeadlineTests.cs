using System.Diagnostics;
using System.Net;
using Grid.Contracts;
using Grid.Geo;
using Grid.Grains.Boundaries;
using Grid.Grains.Deadlines;
using Grid.Testing;

namespace Grid.Regions.Tests;

/// <summary>
/// A boundary change's resume deadline firing while the change is applied (and applied again): the
/// deadline used to await the change, which cancelled that same deadline, stalling for 30 s.
/// </summary>
[Collection(RegionsCollection.Name)]
public sealed class BoundaryDeadlineTests(GatewayFactory gateway)
{
    [Fact]
    public async Task TheResumeDeadlineFiringDuringAnApplyStallsNothing()
    {
        var places = await Places.LoadAsync(gateway);
        var (x, y) = NeighbouringVillages(places, skip: 6);
        var planned = await Clients.SendAsync(gateway, DemoAccounts.Coordinator, HttpMethod.Post, "/api/boundary-changes", new BoundaryChangeRequest(x + "-G03", y, null));
        var plan = await planned.ReadAsync<BoundaryChangeDto>();
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var grains = Places.Grains(gateway);
        var change = grains.GetGrain<IBoundaryChangeGrain>(plan.Id);
        var deadline = grains.GetGrain<IDeadlineGrain>($"boundary-change/{plan.Id}");

        var watch = Stopwatch.StartNew();
        var apply = Clients.SendAsync(gateway, DemoAccounts.Coordinator, HttpMethod.Post, $"/api/boundary-changes/{plan.Id}/apply");
        var fire = deadline.ScheduleAsync("boundary-change-resume", DateTime.UtcNow.AddSeconds(-1), change.GetGrainId());
        var again = Task.Delay(30).ContinueWith(_ => Clients.SendAsync(gateway, DemoAccounts.Coordinator, HttpMethod.Post, $"/api/boundary-changes/{plan.Id}/apply")).Unwrap();
        var responses = await Task.WhenAll(apply, again);
        await fire;
        var applied = watch.Elapsed;
        while ((await deadline.GetAsync())!.Status == DeadlineStatus.Pending && watch.Elapsed < TimeSpan.FromSeconds(35)) await Task.Delay(25);
        var settled = watch.Elapsed;

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(BoundaryChangeStatus.Applied, (await change.GetAsync())!.Status);
        Assert.True(applied < TimeSpan.FromSeconds(2), $"the applies took {applied.TotalMilliseconds:F0} ms");
        Assert.True(settled < TimeSpan.FromSeconds(2), $"the deadline settled after {settled.TotalMilliseconds:F0} ms");
    }

    /// <summary>Two touching villages of 咸安区 away from the other boundary tests' villages.</summary>
    private static (string X, string Y) NeighbouringVillages(Places places, int skip)
    {
        var villages = places.Model.Divisions.Values
            .Where(d => d.Level == DivisionLevel.Village && d.CountyCode == "421202" && !d.Code12.StartsWith("421202001", StringComparison.Ordinal) && d.Code12 != places.Other)
            .Select(d => d.Code12).Order(StringComparer.Ordinal).ToList();
        var used = new HashSet<string>();
        return villages.Skip(5).SelectMany(x => villages.Where(y => y != x && places.Model.Villages[x].Touches(places.Model.Villages[y])).Take(1).Select(y => (x, y)))
            .Where(p => used.Add(p.x) & used.Add(p.y)).ToList()[skip];
    }
}
