using Grid.Contracts;
using Grid.Grains.Geography;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Regions.Tests;

[Collection(RegionsCollection.Name)]
public sealed class LocateReplicaTests(GatewayFactory gateway)
{
    [Fact]
    public async Task AfterABoundaryChangeTheSilosReplicaLocatesWithTheNewVersion()
    {
        var grains = Places.Grains(gateway);
        var owner = grains.GetGrain<ILocateIndexGrain>(RegionCodes.City);
        var replica = grains.GetGrain<ILocateReplicaGrain>(RegionCodes.City);
        var model = await gateway.Services.GetRequiredService<GeographySource>().GetAsync();
        // A grid of the last village, still where the base geography put it, moved to a sibling village.
        var from = model.Grids.Values.Select(g => g.VillageCode).Distinct()
            .Where(v => model.Grids.Values.Any(g => g.VillageCode != v && RegionCodes.TownshipOf(g.VillageCode) == RegionCodes.TownshipOf(v)))
            .Max(StringComparer.Ordinal)!;
        var grids = await owner.GridsInAsync(RegionCodes.TownshipOf(from));
        var gridId = grids.Where(g => g.VillageCode == from && model.Grids.ContainsKey(g.GridId)).Select(g => g.GridId).Max(StringComparer.Ordinal)!;
        var to = grids.Select(g => g.VillageCode).Where(v => v != from).Min(StringComparer.Ordinal)!;
        Assert.NotNull(to);
        var point = model.RepresentativePoints[gridId];
        var before = await replica.LocateAsync(point.Y, point.X);
        Assert.Equal((gridId, from), (before?.Grid.Code, before?.Village.Code));
        Assert.Equal(await owner.GetVersionAsync(), await replica.GetVersionAsync());

        var impact = await owner.ImpactAsync(new BoundaryEdit(gridId, to, null));
        await owner.ApplyAsync(Guid.NewGuid().ToString("N"), impact);

        GridLocation? after = null;
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(10) && after?.Grid.Code != impact.NewGridId; waited += TimeSpan.FromMilliseconds(200))
        {
            await Task.Delay(200);
            after = await replica.LocateAsync(point.Y, point.X);
        }
        Assert.Equal((impact.NewGridId, to), (after?.Grid.Code, after?.Village.Code));
        Assert.Equal(impact.IndexVersion + 1, await replica.GetVersionAsync());
    }
}
