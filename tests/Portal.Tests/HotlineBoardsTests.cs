using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Grid.Contracts;
using Grid.Testing;
using Microsoft.Playwright;

namespace Grid.Portal.Tests;

/// <summary>The hotline's public page (closed orders and the heads' follow-up), whistle orders (Art. 31) and the heads' schedule (Art. 26).</summary>
[Collection(PortalCollection.Name)]
public sealed class HotlineBoardsTests(PortalFixture portal)
{
    private const int Phone = 390;
    private static DateTimeOffset Shanghai => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
    private static string Month => Shanghai.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [BrowserFact]
    public async Task TheAnonymousPublicPageShowsAClosedOrderWithoutItsCallerAndTheHeadsFollowUp()
    {
        var agentApi = await portal.Gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var unitApi = await portal.Gateway.SignedInClientAsync(DemoAccounts.OtherCoordinator);
        var township = (await agentApi.GetFromJsonAsync<List<RegionDto>>($"/api/regions/{HotlineSetup.Tongcheng}/children", Json.Options))![0];
        var id = await HotlineSetup.ClosedAsync(agentApi, unitApi, township.Code); // the caller is 王五, 13700000000
        var slot = await ReadAsync<HeadSlotDto>(await agentApi.PostAsJsonAsync("/api/hotline/heads/slots",
            new HeadSlotRequest(DateOnly.FromDateTime(Shanghai.DateTime), "人社局", "李局长", "副局长"), Json.Options));
        await ReadAsync<HeadSlotDto>(await agentApi.PostAsJsonAsync($"/api/hotline/heads/slots/{slot.Id}/calls", new HeadCallRequest("social-security",
            WorkOrderGrade.Request, "赵老师反映养老金未到账，电话 13911112222", null, null, "温泉路 1 号", null, "赵老师", "13911112222", false, null), Json.Options));
        var anonymous = new HttpClient { BaseAddress = portal.Gateway.BaseAddress };
        await UntilAsync(async () => (await anonymous.GetStringAsync($"/api/public/hotline/orders?month={Month}&unitId={township.Code}&pageSize=100")).Contains(id));

        // Nobody signed in, on a phone: the public navigation leads to the page.
        var page = await portal.PageAsync(Phone, 844);
        await page.GotoAsync("/catalog");
        await page.GetByRole(AriaRole.Link, new() { Name = "12345 公开" }).ClickAsync();
        var card = page.Locator($"li[data-order='{id}']");
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(card).ToContainTextAsync("路灯故障");
        await Assertions.Expect(card).ToContainTextAsync(township.Name);
        await Assertions.Expect(card).ToContainTextAsync("满意");
        var head = page.Locator($"li[data-slot='{slot.Id}']");
        await Assertions.Expect(head).ToContainTextAsync("李局长");
        await Assertions.Expect(head).ToContainTextAsync("人社局");
        await Assertions.Expect(head.Locator("li[data-state='Open']")).ToContainTextAsync("当日调查");
        await Assertions.Expect(head).ToContainTextAsync("调查中");
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains(id, text);
        Assert.Contains("养老金未到账", text); // the call's summary is published …
        foreach (var personal in new[] { "王五", "13700000000", "赵老师", "13911112222" }) Assert.DoesNotContain(personal, text); // … without the callers
        await PortalFixture.ShotAsync(page, "hotline-public-390");

        // Filtered to the category and the unit; the CSV link carries the same filters and no caller either.
        await page.GetByLabel("诉求分类").SelectOptionAsync(new SelectOptionValue { Value = "streetlight" });
        await page.GetByLabel("承办单位（区划代码或部门）").FillAsync(township.Code);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var csvLink = page.GetByRole(AriaRole.Link, new() { Name = "下载 CSV" });
        await Assertions.Expect(csvLink).ToHaveAttributeAsync("href", new Regex($"orders\\.csv\\?month={Month}&category=streetlight&unitId={township.Code}$"));
        await Assertions.Expect(card).ToBeVisibleAsync();
        var csv = await page.APIRequest.GetAsync((await csvLink.GetAttributeAsync("href"))!);
        Assert.True(csv.Ok, csv.StatusText);
        var rows = await csv.TextAsync();
        Assert.Contains(id, rows);
        Assert.DoesNotContain("王五", rows);

        // At a desk, and in English.
        var desk = await portal.PageAsync(1280, 900);
        await desk.GotoAsync("/hotline/public");
        await Assertions.Expect(desk.Locator($"li[data-order='{id}']")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(desk.Locator($"li[data-slot='{slot.Id}']")).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(desk, "hotline-public-1280");
        await desk.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await desk.ReloadAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "12345: closed requests" })).ToBeVisibleAsync();
        await Assertions.Expect(desk.Locator($"li[data-slot='{slot.Id}']")).ToContainTextAsync("Same-day investigation");
        await PortalFixture.ShotAsync(desk, "hotline-public-1280-en");
    }

    [BrowserFact]
    public async Task AWhistleOrderToThreeDepartmentsShowsTheOneThatReportedInOnTimeAndTheOthersMissingAndClosesOnceAllReported()
    {
        // The coordinator of 温泉街道 blows the whistle at a desk.
        var coordinator = await portal.PageAsync(1280, 900);
        await PortalFixture.SignInAsync(coordinator, DemoAccounts.TownshipCoordinator, "coordinator");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "吹哨报到" }).ClickAsync();
        var matter = "老旧小区加装电梯协调 " + Guid.NewGuid().ToString("N")[..6];
        await coordinator.GetByLabel("事项").FillAsync(matter);
        await coordinator.GetByLabel("地点", new() { Exact = true }).FillAsync("街道办事处会议室");
        await coordinator.GetByLabel("报到部门（用顿号或逗号分隔）").FillAsync("住建局、城管局、民政局");
        await coordinator.GetByLabel("报到时限（工作日）").FillAsync("2");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "吹哨", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("通知 3 个部门");
        var id = Regex.Match((await coordinator.GetByRole(AriaRole.Status).TextContentAsync())!, "WH[0-9A-Za-z-]+").Value;
        Assert.NotEmpty(id);
        var issued = coordinator.Locator($"li[data-whistle='{id}']");
        await Assertions.Expect(issued.Locator("tr[data-state='missing']")).ToHaveCountAsync(3, new() { Timeout = 60_000 });
        await PortalFixture.ShotAsync(coordinator, "whistle-issued-1280");

        // 民政局 reports in on a phone.
        var departmentApi = await portal.Gateway.SignedInClientAsync(DemoAccounts.Department);
        await UntilAsync(async () => (await departmentApi.GetStringAsync("/api/hotline/whistles/departments/民政局?pageSize=100")).Contains(id));
        var department = await portal.PageAsync(Phone, 844);
        await PortalFixture.SignInAsync(department, DemoAccounts.Department, "hotline/inbox");
        await department.GetByRole(AriaRole.Link, new() { Name = "吹哨报到" }).ClickAsync();
        var mine = department.Locator($"li[data-whistle='{id}']");
        await Assertions.Expect(mine).ToContainTextAsync("街道办事处会议室", new() { Timeout = 60_000 });
        await PortalFixture.ShotAsync(department, "whistle-department-390");
        await mine.GetByLabel("报到情况").FillAsync("已派员到场");
        await mine.GetByRole(AriaRole.Button, new() { Name = "报到", Exact = true }).ClickAsync();
        await Assertions.Expect(department.GetByRole(AriaRole.Status)).ToContainTextAsync("已报到 " + id);
        await Assertions.Expect(mine.Locator("tr[data-department='民政局']")).ToHaveAttributeAsync("data-state", "onTime");
        await Assertions.Expect(mine.GetByRole(AriaRole.Button, new() { Name = "报到", Exact = true })).ToHaveCountAsync(0);
        await PortalFixture.ShotAsync(department, "whistle-reported-390");

        // The township's board: 民政局 on time, the other two missing, so it cannot be closed yet.
        var coordinatorApi = await portal.Gateway.SignedInClientAsync(DemoAccounts.TownshipCoordinator);
        await UntilAsync(async () => (await coordinatorApi.GetFromJsonAsync<Page<WhistleSummaryDto>>("/api/hotline/whistles/townships/421202001000?pageSize=100", Json.Options))!
            .Items.Any(o => o.Id == id && o.Reports.Count == 1));
        await coordinator.ReloadAsync();
        await Assertions.Expect(issued.Locator("tr[data-department='民政局']")).ToHaveAttributeAsync("data-state", "onTime", new() { Timeout = 60_000 });
        await Assertions.Expect(issued.Locator("tr[data-department='民政局']")).ToContainTextAsync("按时报到");
        foreach (var missing in new[] { "住建局", "城管局" })
        {
            await Assertions.Expect(issued.Locator($"tr[data-department='{missing}']")).ToHaveAttributeAsync("data-state", "missing");
            await Assertions.Expect(issued.Locator($"tr[data-department='{missing}']")).ToContainTextAsync("未报到");
        }
        await Assertions.Expect(issued.GetByRole(AriaRole.Button, new() { Name = "办结" })).ToHaveCountAsync(0);
        await PortalFixture.ShotAsync(coordinator, "whistle-board-1280");
        await coordinator.SetViewportSizeAsync(Phone, 844);
        await PortalFixture.ShotAsync(coordinator, "whistle-board-390");

        // Once the other two have reported in (an admin for them here), the coordinator closes it.
        var adminApi = await portal.Gateway.SignedInClientAsync(DemoAccounts.Admin);
        foreach (var other in new[] { "住建局", "城管局" })
            await ReadAsync<WhistleOrderDto>(await adminApi.PostAsJsonAsync($"/api/hotline/whistles/{id}/report-in", new WhistleReportInRequest(other, "已到场"), Json.Options));
        await UntilAsync(async () => (await coordinatorApi.GetFromJsonAsync<Page<WhistleSummaryDto>>("/api/hotline/whistles/townships/421202001000?pageSize=100", Json.Options))!
            .Items.Any(o => o.Id == id && o.Reports.Count == 3));
        await coordinator.ReloadAsync();
        await issued.GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync($"已办结 {id}");
        await Assertions.Expect(issued.Locator(".badge", new() { HasText = "已办结" })).ToBeVisibleAsync();
        await Assertions.Expect(issued.Locator("tr[data-state='onTime']")).ToHaveCountAsync(3);

        // The same coordinator downloads the month's unit statistics as CSV from the supervision board.
        await coordinator.GotoAsync("/hotline/supervision");
        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByRole(AriaRole.Button, new() { Name = "下载 CSV" }).ClickAsync());
        Assert.Equal($"12345-units-{Month}.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "UTF-8 with a byte-order mark");
        Assert.Contains("unitId", System.Text.Encoding.UTF8.GetString(bytes).Split('\n')[0], StringComparison.OrdinalIgnoreCase);

        // An order in 通山县 (a drill clock: a working day is 3 s) goes overdue; the data bureau sees it on the city's overdue list.
        var late = (await ReadAsync<WhistleOrderDto>(await adminApi.PostAsJsonAsync("/api/hotline/whistles",
            new IssueWhistleOrderRequest(HotlineSetup.DrillTownship, "防汛物资清点", "镇政府", ["应急局"], 1), Json.Options))).Order.Id;
        var bureauApi = await portal.Gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        await UntilAsync(async () => (await bureauApi.GetStringAsync("/api/hotline/whistles/overdue?pageSize=100")).Contains(late), seconds: 120);
        var bureau = await portal.PageAsync(Phone, 844);
        await PortalFixture.SignInAsync(bureau, DemoAccounts.DataBureau, "hotline/intake");
        await bureau.GotoAsync("/hotline/whistles");
        var overdue = bureau.Locator($"ul.overdue-board li[data-whistle='{late}']");
        await Assertions.Expect(overdue.Locator("tr[data-department='应急局']")).ToHaveAttributeAsync("data-state", "overdue", new() { Timeout = 90_000 });
        await Assertions.Expect(overdue).ToContainTextAsync("逾期未报到");
        await Assertions.Expect(bureau.GetByRole(AriaRole.Button, new() { Name = "吹哨", Exact = true })).ToHaveCountAsync(0); // the bureau supervises, it does not issue
        await PortalFixture.ShotAsync(bureau, "whistle-overdue-390");
    }

    [BrowserFact]
    public async Task TheDataBureauSchedulesAHeadAndTheCallsOfTheDayAreAnInvestigationAndOneSolvedOnTheCall()
    {
        var center = await portal.PageAsync(1280, 900);
        await PortalFixture.SignInAsync(center, DemoAccounts.DataBureau, "hotline/intake");
        await center.GetByRole(AriaRole.Link, new() { Name = "领导坐班" }).ClickAsync();
        await Assertions.Expect(center.GetByRole(AriaRole.Heading, new() { Name = "部门负责人坐班安排" })).ToBeVisibleAsync();

        // A slot added by mistake is removed; then 民政局's head is put on today's line.
        await AddSlotAsync(center, "城管局", "刘局长");
        var wrong = center.Locator("li[data-slot]").Filter(new() { HasText = "刘局长" });
        await wrong.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await Assertions.Expect(center.GetByRole(AriaRole.Status)).ToContainTextAsync("已删除坐班安排");
        await Assertions.Expect(wrong).ToHaveCountAsync(0);
        await AddSlotAsync(center, "民政局", "王局长");
        var slot = center.Locator("li[data-slot]").Filter(new() { HasText = "王局长" });
        await Assertions.Expect(slot).ToHaveCountAsync(1);
        var slotId = (await slot.GetAttributeAsync("data-slot"))!;
        Assert.StartsWith(Shanghai.ToString("yyyy-MM-dd"), slotId);

        // The center records a call the head could not solve on the line: a same-day investigation.
        await slot.Locator("summary", new() { HasText = "登记来电" }).ClickAsync();
        await slot.GetByLabel("诉求分类").SelectOptionAsync(new SelectOptionValue { Value = "social-security" });
        await slot.GetByLabel("诉求内容").FillAsync("反映高龄津贴三个月未到账");
        await slot.GetByLabel("地址").FillAsync("温泉路 1 号");
        await slot.GetByLabel("姓名").FillAsync("张先生");
        await slot.GetByLabel("电话").FillAsync("13800000000");
        await slot.GetByRole(AriaRole.Button, new() { Name = "登记来电" }).ClickAsync();
        await Assertions.Expect(center.GetByRole(AriaRole.Status)).ToContainTextAsync("已登记来电，工单");
        var investigation = slot.Locator("li[data-state='Open']");
        await Assertions.Expect(investigation).ToContainTextAsync("高龄津贴");
        await Assertions.Expect(investigation).ToContainTextAsync("调查中");
        await Assertions.Expect(slot.GetByRole(AriaRole.Button, new() { Name = "删除" })).ToHaveCountAsync(0); // a slot with calls stays
        await PortalFixture.ShotAsync(center, "heads-schedule-1280");

        // 民政局 itself records the next call on a phone, solved on the call.
        var department = await portal.PageAsync(Phone, 844);
        await PortalFixture.SignInAsync(department, DemoAccounts.Department, "hotline/inbox");
        await department.GetByRole(AriaRole.Link, new() { Name = "领导坐班" }).ClickAsync();
        var own = department.Locator($"li[data-slot='{slotId}']");
        await Assertions.Expect(own).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(department.GetByRole(AriaRole.Button, new() { Name = "添加坐班" })).ToHaveCountAsync(0);
        await own.Locator("summary", new() { HasText = "登记来电" }).ClickAsync();
        await own.GetByLabel("诉求分类").SelectOptionAsync(new SelectOptionValue { Value = "social-security" });
        await own.GetByLabel("诉求内容").FillAsync("咨询低保申请条件");
        await own.GetByLabel("地址").FillAsync("温泉路 2 号");
        await own.GetByLabel("当场解决").CheckAsync();
        await own.GetByLabel("负责人答复").FillAsync("已告知申请条件和所需材料");
        await PortalFixture.ShotAsync(department, "heads-call-390");
        await own.GetByRole(AriaRole.Button, new() { Name = "登记来电" }).ClickAsync();
        await Assertions.Expect(department.GetByRole(AriaRole.Status)).ToContainTextAsync("已登记来电，工单");
        await Assertions.Expect(own.Locator("li[data-state='SolvedOnCall']")).ToContainTextAsync("当场解决");
        await Assertions.Expect(own).ToContainTextAsync("接听 2 件");
        await PortalFixture.ShotAsync(department, "heads-schedule-390");

        var days = (await new HttpClient { BaseAddress = portal.Gateway.BaseAddress }.GetFromJsonAsync<List<HeadDayDto>>($"/api/public/hotline/heads/{Month}", Json.Options))!;
        var published = days.SelectMany(d => d.Slots).Single(s => s.Id == slotId);
        Assert.Equal(2, published.Calls.Count);
        Assert.Equal([false, true], published.Calls.Select(c => c.SolvedOnCall));
        Assert.Equal(InvestigationState.Open, published.Calls[0].Investigation?.State);
        Assert.DoesNotContain(published.Calls, c => c.Summary.Contains("张先生") || c.Summary.Contains("13800000000"));
    }

    private static async Task AddSlotAsync(IPage center, string department, string head)
    {
        await center.GetByLabel("部门", new() { Exact = true }).FillAsync(department);
        await center.GetByLabel("负责人", new() { Exact = true }).FillAsync(head);
        await center.GetByRole(AriaRole.Button, new() { Name = "添加坐班" }).ClickAsync();
        await Assertions.Expect(center.GetByRole(AriaRole.Status)).ToContainTextAsync($"已添加 {Shanghai:yyyy-MM-dd} {head} 坐班");
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>(Json.Options))!;
    }

    /// <summary>Waits for a list the page reads: lists hear of a step through the grain's outbox, a moment later.</summary>
    private static async Task UntilAsync(Func<Task<bool>> done, int seconds = 30)
    {
        for (var until = DateTime.UtcNow.AddSeconds(seconds); DateTime.UtcNow < until; await Task.Delay(500))
            if (await done()) return;
        throw new TimeoutException("The list did not show the change in time.");
    }
}
