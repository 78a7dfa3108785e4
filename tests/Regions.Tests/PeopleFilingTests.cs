using System.Net;
using Grid.Contracts;
using Grid.Grains.People;
using Grid.Testing;

namespace Grid.Regions.Tests;

/// <summary>
/// A resident's filing (grid cell, village directory) is owed by the resident grain and re-driven, so
/// a write that stopped after saving the resident is repaired by its retry, and a move files the
/// resident out of the old grid and village and into the new ones.
/// </summary>
[Collection(RegionsCollection.Name)]
public sealed class PeopleFilingTests(GatewayFactory gateway)
{
    private static readonly string IdNumber = "42120219450101123" + Grid.Grains.Seeding.IdNumbers.CheckDigit("42120219450101123");

    [Fact]
    public async Task ARetriedCreateAfterAWriteThatStoppedBeforeFilingEndsFiled()
    {
        var places = await Places.LoadAsync(gateway);
        var grid = places.V1 + "-G02";
        var (lat, lng) = places.Inside(grid);
        var grains = Places.Grains(gateway);
        var key = Guid.NewGuid().ToString("N");
        // The first try: the id allocated and the resident saved, then the process stopped before filing.
        var id = await grains.GetGrain<IVillageDirectoryGrain>(places.V1).AllocateIdAsync(PersonKind.Resident, $"{DemoAccounts.Admin}:{key}");
        await grains.GetGrain<IResidentGrain>(id).DefineAsync(new ResidentProfile(id, "半途居民", IdNumber, "13900001111", [Need.Aged], 1,
            lat, lng, "咸安区测试地址2号", grid, places.V1, [], null), []);
        Assert.DoesNotContain(id, (await grains.GetGrain<IGridCellGrain>(grid).GetAsync())!.ResidentIds);
        Assert.DoesNotContain(await grains.GetGrain<IVillageDirectoryGrain>(places.V1).GetResidentsAsync(), r => r.Id == id);

        var client = await Clients.ForAsync(gateway, DemoAccounts.Admin);
        var retry = new HttpRequestMessage(HttpMethod.Post, "/api/residents") { Content = System.Net.Http.Json.JsonContent.Create(Request(lat, lng), options: Json.Options) };
        retry.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(retry);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(id, (await response.ReadAsync<ResidentDto>()).Id);
        Assert.Contains(id, (await grains.GetGrain<IGridCellGrain>(grid).GetAsync())!.ResidentIds);
        Assert.Contains(await grains.GetGrain<IVillageDirectoryGrain>(places.V1).GetResidentsAsync(), r => r.Id == id && r.GridId == grid);
    }

    [Fact]
    public async Task AMoveFilesTheResidentOutOfTheOldGridAndVillageAndIntoTheNew()
    {
        var places = await Places.LoadAsync(gateway);
        var (from, to) = (places.V1 + "-G02", places.Other + "-G01");
        var grains = Places.Grains(gateway);
        var (lat, lng) = places.Inside(from);
        var created = await Clients.SendAsync(gateway, DemoAccounts.Admin, HttpMethod.Post, "/api/residents", Request(lat, lng));
        var id = (await created.ReadAsync<ResidentDto>()).Id;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains(id, (await grains.GetGrain<IGridCellGrain>(from).GetAsync())!.ResidentIds);
        Assert.Contains(await grains.GetGrain<IVillageDirectoryGrain>(places.V1).GetResidentsAsync(), r => r.Id == id);

        var (toLat, toLng) = places.Inside(to);
        var moved = await Clients.SendAsync(gateway, DemoAccounts.Admin, HttpMethod.Put, $"/api/residents/{id}", Request(toLat, toLng), created.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(to, (await moved.ReadAsync<ResidentDto>()).GridId);
        Assert.DoesNotContain(id, (await grains.GetGrain<IGridCellGrain>(from).GetAsync())!.ResidentIds);
        Assert.DoesNotContain(await grains.GetGrain<IVillageDirectoryGrain>(places.V1).GetResidentsAsync(), r => r.Id == id);
        Assert.Contains(id, (await grains.GetGrain<IGridCellGrain>(to).GetAsync())!.ResidentIds);
        Assert.Contains(await grains.GetGrain<IVillageDirectoryGrain>(places.Other).GetResidentsAsync(), r => r.Id == id && r.GridId == to);
    }

    private static ResidentRequest Request(double lat, double lng) =>
        new("归档居民", IdNumber, "13900001111", ["Aged"], 1, lat, lng, "咸安区测试地址2号", [], new ConsentRequest(true, "assisted-agency"));
}
