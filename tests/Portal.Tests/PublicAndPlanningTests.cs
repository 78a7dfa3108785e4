using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;
using Microsoft.Playwright;

namespace Grid.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class PublicAndPlanningTests(PortalFixture portal)
{
    [BrowserFact]
    public async Task AResidentRatesAServiceFromItsQrLinkOnceAndASecondRatingIsRefused()
    {
        var center = await portal.Gateway.SignedInClientAsync(DemoAccounts.Center);
        var worker = await portal.AccountAsync(await portal.Gateway.SignedInClientAsync(DemoAccounts.Worker));
        var village = (await portal.AccountAsync(center)).RegionCode!;
        var recorded = await center.PostAsJsonAsync("/api/service-records", new RegisterServiceRecordRequest(
            "portal-qr-" + Guid.NewGuid().ToString("N")[..8], ServiceRecordKind.WindowService, worker.SubjectId!, "窗口工作人员",
            "MZ-GF-001", "高龄津贴申领", village, null, null,
            DateTimeOffset.UtcNow.AddHours(-3), DateTimeOffset.UtcNow.AddMinutes(-5), null), Json.Options);
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
        var record = (await recorded.Content.ReadFromJsonAsync<ServiceRecordDto>(Json.Options))!;
        var issued = await center.PostAsync($"/api/service-records/{record.Id}/qr-token", null);
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        var qr = (await issued.Content.ReadFromJsonAsync<QrTokenDto>(Json.Options))!;
        Assert.Equal($"/rate/{qr.Token}", qr.Url);

        // Two phones scan the same receipt; the first rating counts, the second is refused. They open one after
        // the other (both before either rates): two WebAssembly boots at once can starve a 2-core CI machine.
        var first = await portal.PageAsync();
        var second = await portal.PageAsync();
        await first.GotoAsync(qr.Url);
        await Assertions.Expect(first.GetByText("高龄津贴申领")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await second.GotoAsync(qr.Url);
        await Assertions.Expect(second.GetByRole(AriaRole.Button, new() { Name = "提交评价" })).ToBeVisibleAsync(new() { Timeout = 90_000 });

        await first.GetByLabel("不满意", new() { Exact = true }).CheckAsync();
        await first.GetByLabel("意见建议（可选）").FillAsync("等候时间太长");
        await first.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync("感谢您的评价");
        await Assertions.Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync("7 天内回访整改");
        await PortalFixture.ShotAsync(first, "rate-submitted-360");

        await second.GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("该服务已评价过");
        await PortalFixture.ShotAsync(second, "rate-refused-360");

        await first.ReloadAsync();
        await Assertions.Expect(first.GetByText("该服务已评价过")).ToBeVisibleAsync();
        var rating = (await center.GetFromJsonAsync<EvaluationDto>($"/api/evaluations/{record.Id}", Json.Options))!;
        Assert.Equal(Satisfaction.Dissatisfied, rating.Overall);
        Assert.Equal("等候时间太长", rating.Comment);
    }

    [BrowserFact]
    public async Task CatalogSearchInChineseFindsAStarterItemAndOpensItsGuide()
    {
        var page = await portal.PageAsync();
        await page.GotoAsync("/catalog");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索" }).FillAsync("高龄津贴");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        var card = page.Locator(".card a").Filter(new() { HasText = "高龄津贴申领" }).First;
        await Assertions.Expect(card).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(page, "catalog-search-360");

        await card.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "高龄津贴申领", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "申请材料" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "高龄津贴申请表" })).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(page, "catalog-guide-360");
    }

    [BrowserFact]
    public async Task ACoordinatorAsksForARebalancingSuggestionAndSeesBeforeAndAfterFigures()
    {
        var page = await portal.PageAsync(1280, 900);
        await PortalFixture.SignInAsync(page, DemoAccounts.Coordinator, "coordinator");
        await page.GotoAsync("/coordinator/rebalance");
        await page.GetByRole(AriaRole.Button, new() { Name = "生成建议" }).ClickAsync();
        var figures = page.Locator("table.metrics");
        await Assertions.Expect(figures).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(figures.GetByRole(AriaRole.Columnheader, new() { Name = "调配前" })).ToBeVisibleAsync();
        await Assertions.Expect(figures.GetByRole(AriaRole.Columnheader, new() { Name = "调配后" })).ToBeVisibleAsync();
        await Assertions.Expect(figures.Locator("tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(figures.Locator("tbody tr").First.Locator("td").Nth(1)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        await PortalFixture.ShotAsync(page, "coordinator-rebalance");
    }

    [BrowserFact]
    public async Task ACoordinatorPlansAVillagesRealDayInsertsANewUrgentRequestAndOpensAnExplanation()
    {
        var admin = await portal.Gateway.SignedInClientAsync(DemoAccounts.Admin);
        var residents = await admin.GetFromJsonAsync<Page<ResidentSummaryDto>>($"/api/residents?region={GatewayFactory.SeededCounty}&pageSize=100", Json.Options);
        var village = residents!.Items.GroupBy(r => r.VillageCode).OrderBy(g => g.Key, StringComparer.Ordinal).First(g => g.Count() >= 4);
        var people = village.Select(r => r.Id).ToList();
        var filed = new List<string>();
        foreach (var resident in people.Take(3)) filed.Add((await Requests.FileAsync(admin, resident, Urgency.Routine, "day-plan browser test")).Id);

        var page = await portal.PageAsync(1280, 900);
        await PortalFixture.SignInAsync(page, DemoAccounts.Coordinator, "coordinator");
        await page.GotoAsync("/coordinator/dayplan");
        await page.GetByLabel("乡镇（街道）").SelectOptionAsync(village.Key[..9] + "000");
        await page.GetByLabel("村（社区）").SelectOptionAsync(village.Key);
        await page.GetByLabel("计划起始时间").FillAsync("08:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "载入今日工作并排程" }).ClickAsync();
        var routes = page.Locator("section.worker-plan");
        await Assertions.Expect(routes.First).ToBeVisibleAsync(new() { Timeout = 90_000 });
        foreach (var id in filed) await Assertions.Expect(page.Locator($"section.worker-plan tr[data-visit='{id}']")).ToHaveCountAsync(1);

        // A resident calls in an urgent request after the plan was made: it reaches the board, the page finds it and inserts it.
        var urgent = (await Requests.FileAsync(admin, people[3], Urgency.Urgent, "day-plan browser test")).Id;
        await page.GetByRole(AriaRole.Button, new() { Name = "查看计划后的新请求" }).ClickAsync();
        await page.GetByLabel("新请求").SelectOptionAsync(urgent);
        await page.GetByLabel("当前时间").FillAsync("11:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "插入并重排" }).ClickAsync();
        var shortId = urgent[(village.Key.Length + 1)..]; // the page shows ids without the village's prefix
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"紧急走访 {shortId} 已安排给");
        var disruption = page.Locator("table.disruption");
        await Assertions.Expect(disruption.Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(disruption.GetByRole(AriaRole.Row, new() { Name = "变动的走访数" }).Locator("td").Nth(1)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        await Assertions.Expect(routes.First.GetByRole(AriaRole.Columnheader, new() { Name = "重排前" })).ToBeVisibleAsync();
        await Assertions.Expect(routes.First.GetByRole(AriaRole.Columnheader, new() { Name = "重排后" })).ToBeVisibleAsync();
        var row = page.Locator($"tr.urgent[data-visit='{urgent}']");
        await Assertions.Expect(row).ToHaveCountAsync(1);

        await row.GetByRole(AriaRole.Button, new() { Name = shortId }).ClickAsync();
        var why = page.GetByRole(AriaRole.Region, new() { Name = "安排说明" });
        await Assertions.Expect(why.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync($"为何这样安排：{shortId}");
        await Assertions.Expect(why).ToContainTextAsync("此处成本");
        await Assertions.Expect(why).ToContainTextAsync(new System.Text.RegularExpressions.Regex("多出的成本|没有其他可行的安排"));
        await PortalFixture.ShotAsync(page, "coordinator-dayplan");

        // The generated example day still loads for a demonstration where a village has no work.
        await page.GetByRole(AriaRole.Button, new() { Name = "载入示例日" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.plan-summary")).ToContainTextAsync("共 40 项走访", new() { Timeout = 60_000 });
    }
}
