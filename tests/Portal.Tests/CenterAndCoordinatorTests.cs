using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;
using Microsoft.Playwright;

namespace Grid.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class CenterAndCoordinatorTests(PortalFixture portal)
{
    [BrowserFact]
    public async Task ACenterPublishesItsRosterAndTheHallDisplayShowsItWithoutSignIn()
    {
        var village = (await portal.AccountAsync(await portal.Gateway.SignedInClientAsync(DemoAccounts.Center))).RegionCode;
        var name = "代办员" + Random.Shared.Next(1000, 9999);
        var page = await portal.PageAsync(1024, 800);
        await PortalFixture.SignInAsync(page, DemoAccounts.Center, "center/roster");
        await page.GetByRole(AriaRole.Button, new() { Name = "+ 添加人员" }).ClickAsync();
        var entry = page.Locator("fieldset.entry").Last;
        await entry.GetByLabel("姓名").FillAsync(name);
        await entry.GetByLabel("联系电话").FillAsync("0715-8123456");
        await entry.GetByLabel("服务范围").FillAsync("养老保险认证、医保报销");
        await page.GetByRole(AriaRole.Button, new() { Name = "公布" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已公布第");
        await PortalFixture.ShotAsync(page, "center-roster");

        var hall = await portal.PageAsync(1280, 800);
        await hall.GotoAsync($"/hall/{village}?refresh=5");
        await Assertions.Expect(hall.GetByRole(AriaRole.Cell, new() { Name = name })).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(hall.GetByRole(AriaRole.Link, new() { Name = "登录" })).ToHaveCountAsync(0);
        await PortalFixture.ShotAsync(hall, "hall-display");

        // A village that has published nothing still shows its own name, not its code.
        var other = (await portal.Gateway.Http.GetFromJsonAsync<List<RegionDto>>($"/api/regions/{village[..9]}000/children", Json.Options))!
            .First(v => v.Code != village);
        await hall.GotoAsync($"/hall/{other.Code}");
        await Assertions.Expect(hall.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{other.Name} 党群服务中心", new() { Timeout = 60_000 });
    }

    [BrowserFact]
    public async Task ACoordinatorMovesATaskAndTheWorkloadMapChanges()
    {
        var center = await portal.Gateway.SignedInClientAsync(DemoAccounts.Center);
        var coordinator = await portal.Gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        var village = (await portal.AccountAsync(center)).RegionCode;
        var load = (await coordinator.GetFromJsonAsync<WorkloadDto>($"/api/workloads?region={village}", Json.Options))!;
        var (from, to) = DisjointPair(load.Workers);
        var task = await Tasks.OfferedToAsync(center, coordinator, $"{village}-R003", from.WorkerId);
        var grid = to.GridIds[0];

        var page = await portal.PageAsync(1280, 900);
        await PortalFixture.SignInAsync(page, DemoAccounts.Coordinator, "coordinator");
        var cell = page.Locator($"svg.map path[data-grid='{grid}']");
        await Assertions.Expect(cell).ToHaveCountAsync(1, new() { Timeout = 90_000 });
        var before = await cell.GetAttributeAsync("data-load");
        var row = page.Locator($"tr[data-task='{task}']");
        await row.GetByRole(AriaRole.Combobox).SelectOptionAsync(to.WorkerId);
        await row.GetByRole(AriaRole.Button, new() { Name = "移交" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已移交");
        await Assertions.Expect(cell).Not.ToHaveAttributeAsync("data-load", before ?? "");
        await PortalFixture.ShotAsync(page, "coordinator-map");
        Assert.Equal(to.WorkerId, (await Tasks.GetAsync(coordinator, task)).WorkerId);
    }

    /// <summary>Two active workers of the village who serve no grid in common, so a move shows on the map.</summary>
    private static (WorkerLoadDto From, WorkerLoadDto To) DisjointPair(IReadOnlyList<WorkerLoadDto> workers)
    {
        var withGrids = workers.Where(w => w.GridIds.Count > 0).ToList();
        foreach (var a in withGrids)
            foreach (var b in withGrids)
                if (a.WorkerId != b.WorkerId && !a.GridIds.Intersect(b.GridIds).Any()) return (a, b);
        throw new InvalidOperationException("The seeded village has no two workers with separate grids.");
    }
}
