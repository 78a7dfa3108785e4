using Grid.Contracts;
using Grid.Grains.Catalog;
using Grid.Grains.People;
using Grid.Grains.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Dispatch.Tests;

/// <summary>A data directory seeded by an earlier seed version is brought up to date on start, keeping what its users changed.</summary>
[Collection(DispatchCollection.Name)]
public sealed class SeedUpgradeTests(DispatchGateway factory)
{
    [Fact]
    public async Task AnOlderSeedIsUpgradedWithTheCatalogWithoutOverwritingPeopleOrItems()
    {
        var world = new DispatchWorld(factory);
        var village = await world.FreshVillageAsync();
        var resident = world.Grains.GetGrain<IResidentGrain>((await world.ResidentsAsync(village))[5].Id);
        var visit = new VisitRecord(DateTime.UtcNow, village + "-W01", "care-visit", "after the first seed");
        await resident.AddVisitAsync(visit);
        var item = world.Grains.GetGrain<IServiceItemGrain>(ServiceItemGrain.KeyOf(RegionCodes.City, "MZ-GF-008"));
        var itemBefore = (await item.GetAsync())!;
        var marker = world.Grains.GetGrain<ISeedMarkerGrain>("xianning");
        await marker.SetAsync((await marker.GetAsync())! with { Version = 1 });

        var seeder = ActivatorUtilities.CreateInstance<SeedHostedService>(factory.Services);
        await seeder.StartAsync(CancellationToken.None);
        await seeder.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(2));

        var upgraded = (await marker.GetAsync())!;
        Assert.Equal(SeedHostedService.Version, upgraded.Version);
        Assert.Contains("catalog items", upgraded.Summary);
        Assert.Contains(visit, await resident.GetVisitsAsync());
        Assert.Equal(itemBefore.Version, (await item.GetAsync())!.Version);
    }
}
