using System.Globalization;
using System.Net;
using System.Text.Json;
using Grid.Contracts;
using Grid.Geo;
using Grid.Grains.People;
using Grid.Testing;
using NetTopologySuite.Operation.OverlayNG;

namespace Grid.Regions.Tests;

[Collection(RegionsCollection.Name)]
public sealed class BoundaryChangeTests(GatewayFactory gateway)
{
    [Fact]
    public async Task MovingAGridToAnotherVillageMovesExactlyWhatTheDryRunListed()
    {
        var places = await Places.LoadAsync(gateway);
        var (x, y) = NeighbouringVillages(places, skip: 0);
        var gridId = x + "-G02";
        var grains = Places.Grains(gateway);
        var before = await SnapshotAsync(x, y);

        var planned = await Clients.SendAsync(gateway, DemoAccounts.Coordinator, HttpMethod.Post, "/api/boundary-changes", new BoundaryChangeRequest(gridId, y, null));
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var plan = await planned.ReadAsync<BoundaryChangeDto>();

        Assert.Equal("Planned", plan.Status);
        Assert.StartsWith(y + "-G", plan.NewGridId);
        Assert.Equal(before.Where(r => r.Value == gridId).Select(r => r.Key).Order(), plan.Residents.Select(r => r.ResidentId).Order());
        Assert.All(plan.Residents, r => Assert.Equal((plan.NewGridId, y), (r.ToGridId, r.ToVillageCode)));
        Assert.Contains(plan.Workers, w => w is { WorkerId: var id, Kind: "Moves" } && id == x + "-W02");
        Assert.Contains(plan.Workers, w => w is { WorkerId: var id, Kind: "Unassigned" } && id == x + "-P01");
        Assert.Empty(plan.Tasks);
        Assert.Equal(before, await SnapshotAsync(x, y));

        var applied = await Clients.SendAsync(gateway, DemoAccounts.Coordinator, HttpMethod.Post, $"/api/boundary-changes/{plan.Id}/apply");
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal("Applied", (await applied.ReadAsync<BoundaryChangeDto>()).Status);

        var after = await SnapshotAsync(x, y);
        var moved = plan.Residents.ToDictionary(r => r.ResidentId, r => r.ToGridId);
        Assert.Equal(before.ToDictionary(r => r.Key, r => moved.GetValueOrDefault(r.Key, r.Value)), after);
        foreach (var id in moved.Keys)
            Assert.Equal((plan.NewGridId, y), await grains.GetGrain<IResidentGrain>(id).GetAsync() is { } r ? (r.GridId, r.VillageCode) : default);
        var worker = (await grains.GetGrain<IWorkerGrain>(x + "-W02").GetAsync())!;
        Assert.Equal(y, worker.VillageCode);
        Assert.Equal([plan.NewGridId], worker.GridsOn(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))));

        var (lat, lng) = places.Inside(gridId);
        var location = await (await gateway.CreateClient().GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/regions/locate?lat={lat}&lng={lng}"))).ReadAsync<LocationDto>();
        Assert.Equal((plan.NewGridId, y), (location.Grid.Code, location.Village.Code));

        var again = await Clients.SendAsync(gateway, DemoAccounts.Coordinator, HttpMethod.Post, $"/api/boundary-changes/{plan.Id}/apply");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(after, await SnapshotAsync(x, y));
    }

    [Fact]
    public async Task RedrawingAGridOverItsNeighbourMovesExactlyTheNeighboursResidentsTheDryRunListed()
    {
        var places = await Places.LoadAsync(gateway);
        var (z, _) = NeighbouringVillages(places, skip: 1);
        var g1 = places.Model.Grids[z + "-G01"].Polygon;
        var g2 = places.Model.Grids[z + "-G02"].Polygon;
        var merged = OverlayNGRobust.Overlay(g1, g2, NetTopologySuite.Operation.Overlay.SpatialFunction.Union);
        var before = await SnapshotAsync(z);

        var plan = await (await Clients.SendAsync(gateway, DemoAccounts.Coordinator, HttpMethod.Post, "/api/boundary-changes",
            new BoundaryChangeRequest(z + "-G01", null, JsonDocument.Parse(GeoJson.ToJson(merged)).RootElement))).ReadAsync<BoundaryChangeDto>();

        Assert.True(plan.Redraw);
        Assert.Equal(before.Where(r => r.Value == z + "-G02").Select(r => r.Key).Order(), plan.Residents.Select(r => r.ResidentId).Order());
        Assert.Empty(plan.Workers);

        await Clients.SendAsync(gateway, DemoAccounts.Coordinator, HttpMethod.Post, $"/api/boundary-changes/{plan.Id}/apply", null, null);

        var moved = plan.Residents.ToDictionary(r => r.ResidentId, r => r.ToGridId);
        Assert.Equal(before.ToDictionary(r => r.Key, r => moved.GetValueOrDefault(r.Key, r.Value)), await SnapshotAsync(z));
    }

    [Fact]
    public async Task ATownshipCoordinatorCannotMoveGridsOfAnotherTownship()
    {
        var places = await Places.LoadAsync(gateway);
        var (x, y) = NeighbouringVillages(places, skip: 2);

        var response = await Clients.SendAsync(gateway, DemoAccounts.TownshipCoordinator, HttpMethod.Post, "/api/boundary-changes", new BoundaryChangeRequest(x + "-G03", y, null));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnInvalidOutlineIsAValidationProblem()
    {
        var places = await Places.LoadAsync(gateway);
        var bowTie = JsonDocument.Parse("""{"type":"Polygon","coordinates":[[[114,29],[114.1,29.1],[114.1,29],[114,29.1],[114,29]]]}""").RootElement;

        var response = await Clients.SendAsync(gateway, DemoAccounts.Admin, HttpMethod.Post, "/api/boundary-changes", new BoundaryChangeRequest(places.V1 + "-G04", null, bowTie));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("geometry", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Two touching villages of 咸安区 outside 温泉街道 and away from the other tests' villages.</summary>
    private static (string X, string Y) NeighbouringVillages(Places places, int skip)
    {
        var villages = places.Model.Divisions.Values
            .Where(d => d.Level == DivisionLevel.Village && d.CountyCode == "421202" && !d.Code12.StartsWith("421202001", StringComparison.Ordinal) && d.Code12 != places.Other)
            .Select(d => d.Code12).Order(StringComparer.Ordinal).ToList();
        var pairs = villages.Skip(5).SelectMany(x => villages.Where(y => y != x && places.Model.Villages[x].Touches(places.Model.Villages[y]))
            .Take(1).Select(y => (x, y)));
        var used = new HashSet<string>();
        var distinct = pairs.Where(p => used.Add(p.x) & used.Add(p.y)).ToList();
        return distinct[skip];
    }

    private async Task<Dictionary<string, string>> SnapshotAsync(params string[] villages)
    {
        var grains = Places.Grains(gateway);
        var lists = await Task.WhenAll(villages.Select(v => grains.GetGrain<IVillageDirectoryGrain>(v).GetResidentsAsync()));
        return lists.SelectMany(l => l).ToDictionary(r => r.Id, r => r.GridId);
    }
}
