using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Grid.Contracts;
using Grid.Testing;
using Microsoft.Playwright;

namespace Grid.Portal.Tests;

/// <summary>The 12345 pages: the agent's intake and dispatch, the unit's inbox and steps, the supervisor's board and the callback.</summary>
[Collection(PortalCollection.Name)]
public sealed class HotlineTests(PortalFixture portal)
{
    private const int Phone = 390;

    [BrowserFact]
    public async Task AnOrderPickedOnTheMapInTongchengRunsFromIntakeToCallbackAndItsTownshipShowsInTheStatistics()
    {
        var agentApi = await portal.Gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var (township, townshipName) = await HotlineSetup.ClickableTownshipAsync(agentApi, HotlineSetup.Tongcheng);

        // The agent (the data bureau runs the hotline center) files the call with a click on the map, at a desk.
        var agent = await portal.PageAsync(1280, 900);
        await PortalFixture.SignInAsync(agent, DemoAccounts.DataBureau, "hotline/intake");
        await HotlineSetup.PickOnMapAsync(agent, "通城县", township);
        await Assertions.Expect(agent.GetByText(new Regex("^定位：通城县 " + townshipName))).ToBeVisibleAsync();
        await agent.GetByLabel("姓名", new() { Exact = true }).FillAsync("赵六");
        await agent.GetByLabel("电话", new() { Exact = true }).FillAsync("13600000000");
        await agent.GetByLabel("诉求分类").SelectOptionAsync(new SelectOptionValue { Label = "道路破损" });
        await agent.GetByLabel("诉求内容").FillAsync("村口道路塌陷，车辆无法通行");
        await PortalFixture.ShotAsync(agent, "hotline-intake-1280");
        await agent.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("已受理");
        var id = (await agent.GetByRole(AriaRole.Status).TextContentAsync())!.Split(' ')[1];
        var located = agent.Locator($"dd[data-township='{township}']");
        await Assertions.Expect(located).ToContainTextAsync(townshipName);
        await Assertions.Expect(located).ToContainTextAsync("网格");
        await agent.GetByRole(AriaRole.Button, new() { Name = "一键派送至 " + townshipName }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("已派送至 " + townshipName);
        await PortalFixture.ShotAsync(agent, "hotline-dispatched-1280");

        // The township's unit (通城县's coordinator acts for its townships) signs for it on a phone and asks for more time.
        var unitApi = await portal.Gateway.SignedInClientAsync(DemoAccounts.OtherCoordinator);
        await HotlineSetup.ListedAsync(unitApi, $"/api/hotline/units/Region/{township}/inbox?pageSize=100", id);
        var unit = await portal.PageAsync(Phone, 844);
        await PortalFixture.SignInAsync(unit, DemoAccounts.OtherCoordinator, "coordinator");
        await unit.GotoAsync("/hotline/inbox");
        var card = unit.Locator($"li[data-order='{id}']");
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(card).ToContainTextAsync("待签收");
        await Assertions.Expect(card).ToContainTextAsync("签收时限");
        await PortalFixture.ShotAsync(unit, "hotline-inbox-390");
        await card.GetByRole(AriaRole.Link, new() { Name = "道路破损" }).ClickAsync();
        await unit.GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await Assertions.Expect(unit.GetByRole(AriaRole.Status)).ToContainTextAsync("已签收");
        await unit.Locator("summary", new() { HasText = "申请延期" }).ClickAsync();
        await unit.GetByLabel("延期工作日数").FillAsync("2");
        await unit.GetByLabel("延期理由").FillAsync("需协调公路部门");
        await unit.GetByRole(AriaRole.Button, new() { Name = "提交延期申请" }).ClickAsync();
        await Assertions.Expect(unit.GetByRole(AriaRole.Status)).ToContainTextAsync("已申请延期 2 个工作日");
        await Assertions.Expect(unit.GetByRole(AriaRole.Button, new() { Name = "同意延期" })).ToHaveCountAsync(0); // a unit does not decide its own ask
        var dueBefore = await unit.Locator("dd[data-answer-due]").GetAttributeAsync("data-answer-due");
        await PortalFixture.ShotAsync(unit, "hotline-order-unit-390");

        // The supervisor approves on the board.
        await HotlineSetup.ListedAsync(agentApi, "/api/hotline/supervision?pageSize=100", id, o => o.ExtensionPending);
        await agent.GotoAsync("/hotline/supervision");
        var ask = agent.Locator($"li[data-order='{id}']");
        await Assertions.Expect(ask).ToContainTextAsync("申请延期 2 个工作日：需协调公路部门", new() { Timeout = 60_000 });
        await PortalFixture.ShotAsync(agent, "hotline-supervision-1280");
        await ask.GetByRole(AriaRole.Button, new() { Name = "同意延期" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("已同意延期");

        // The unit answers; its page shows the answer deadline moved on.
        await unit.ReloadAsync();
        await Assertions.Expect(unit.GetByText("已延期 1 次")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.NotEqual(dueBefore, await unit.Locator("dd[data-answer-due]").GetAttributeAsync("data-answer-due"));
        await unit.GetByLabel("答复内容").FillAsync("已安排公路站修复，预计三日内完工");
        await unit.GetByRole(AriaRole.Button, new() { Name = "答复来电人" }).ClickAsync();
        await Assertions.Expect(unit.GetByRole(AriaRole.Status)).ToContainTextAsync("已答复");

        // The agent calls back: satisfied and resolved; the order closes and its history shows each step.
        await agent.GotoAsync($"/hotline/orders/{id}");
        await agent.GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "提交回访" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("已回访");
        await Assertions.Expect(agent.Locator("dl.facts")).ToHaveAttributeAsync("data-stage", "Closed");
        var timeline = agent.Locator("ol.timeline li");
        foreach (var step in new[] { "派送", "签收", "申请延期", "同意延期", "答复", "回访", "办结" })
            await Assertions.Expect(timeline.Filter(new() { HasText = step }).First).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(agent, "hotline-order-closed-1280");

        // The month's statistics show the township's unit.
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await HotlineSetup.ListedAsync(agentApi, $"/api/hotline/months/{month}/orders?pageSize=100&unitId={township}", id, o => o.Stage == WorkOrderStage.Closed);
        await agent.GotoAsync("/hotline/supervision");
        var row = agent.Locator($"table.stats tr[data-unit='{township}']");
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(row).ToContainTextAsync(townshipName);
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("100.0%"); // resolved / called back: this order at least
        await PortalFixture.ShotAsync(agent, "hotline-statistics-1280");

        var order = await HotlineSetup.GetAsync(agentApi, id);
        Assert.Equal((WorkOrderStage.Closed, township, 1, Satisfaction.Satisfied, true), (order.Stage, order.UnitId, order.Extensions, order.Rating, order.Resolved));
    }

    [BrowserFact]
    public async Task AHandedBackOrderIsReDispatchedFromTheQueueAndAnOverdueOneShowsOnTheBoardOnAPhone()
    {
        var agentApi = await portal.Gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var unitApi = await portal.Gateway.SignedInClientAsync(DemoAccounts.OtherCoordinator);
        var townships = (await agentApi.GetFromJsonAsync<List<RegionDto>>($"/api/regions/{HotlineSetup.Tongcheng}/children", Json.Options))!;
        Assert.True(townships.Count >= 2, "通城县 has two townships at least");
        var (right, wrong) = (townships[0], townships[1]);
        var id = await HotlineSetup.HandedBackAsync(agentApi, unitApi, right.Code, wrong.Code);
        var late = await HotlineSetup.DispatchedAsync(agentApi, HotlineSetup.DrillTownship, HotlineSetup.DrillTownship); // not signed for: it goes overdue

        var agent = await portal.PageAsync(Phone, 844);
        await PortalFixture.SignInAsync(agent, DemoAccounts.DataBureau, "hotline/intake");
        await Assertions.Expect(agent.Locator("svg.map path").First).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await PortalFixture.ShotAsync(agent, "hotline-intake-390");
        await HotlineSetup.ListedAsync(agentApi, "/api/hotline/queue?pageSize=100", id, o => o.Stage == WorkOrderStage.HandedBack);
        await agent.GotoAsync("/hotline/queue");
        var card = agent.Locator($"li[data-order='{id}']");
        await Assertions.Expect(card).ToContainTextAsync("已退回", new() { Timeout = 90_000 });
        await PortalFixture.ShotAsync(agent, "hotline-queue-390");
        await card.GetByRole(AriaRole.Button, new() { Name = "一键派送至 " + right.Name }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync($"{id}: 已派送至 {right.Name}");
        await Assertions.Expect(card).ToHaveCountAsync(0);

        await agent.GotoAsync($"/hotline/orders/{id}");
        await Assertions.Expect(agent.Locator("ol.timeline li").Filter(new() { HasText = "不在本乡镇辖区" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await HotlineSetup.ListedAsync(agentApi, "/api/hotline/supervision?pageSize=100", late, o => o.Supervisions > 0, seconds: 120);
        await agent.GotoAsync("/hotline/supervision");
        var overdue = agent.Locator($"li[data-order='{late}']");
        await Assertions.Expect(overdue).ToContainTextAsync("签收超时", new() { Timeout = 60_000 });
        await Assertions.Expect(overdue).ToContainTextAsync(new Regex(@"督办 \d+ 次"));
        await Assertions.Expect(agent.GetByRole(AriaRole.Heading, new() { Name = "承办单位月度考核" })).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(agent, "hotline-supervision-390");
        await agent.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await agent.ReloadAsync(); // as on every page of the portal, the layout switches at once and the page on its next load
        await Assertions.Expect(agent.GetByRole(AriaRole.Heading, new() { Name = "Units' month" })).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(agent, "hotline-supervision-390-en");

        var order = await HotlineSetup.GetAsync(agentApi, id);
        Assert.Equal((WorkOrderStage.Dispatched, right.Code), (order.Stage, order.UnitId));
    }

    [BrowserFact]
    public async Task ADissatisfiedCallbackClosesTheOrderAndReOpeningSendsItBackToItsUnit()
    {
        var agentApi = await portal.Gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var unitApi = await portal.Gateway.SignedInClientAsync(DemoAccounts.OtherCoordinator);
        var township = (await agentApi.GetFromJsonAsync<List<RegionDto>>($"/api/regions/{HotlineSetup.Tongcheng}/children", Json.Options))![0].Code;
        var id = await HotlineSetup.AnsweredAsync(agentApi, unitApi, township);

        var agent = await portal.PageAsync(Phone, 844);
        await PortalFixture.SignInAsync(agent, DemoAccounts.DataBureau, "hotline/intake");
        await agent.GotoAsync($"/hotline/orders/{id}");
        await Assertions.Expect(agent.Locator("dl.facts")).ToHaveAttributeAsync("data-stage", "Answered", new() { Timeout = 60_000 });
        await agent.GetByLabel("不满意", new() { Exact = true }).CheckAsync();
        await agent.GetByLabel("问题已解决").UncheckAsync();
        await agent.GetByLabel("回访记录（可选）").FillAsync("灯仍不亮");
        await PortalFixture.ShotAsync(agent, "hotline-callback-390");
        await agent.GetByRole(AriaRole.Button, new() { Name = "提交回访" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("已回访");
        await Assertions.Expect(agent.Locator("dl.facts")).ToContainTextAsync("不满意 · 未解决");

        await agent.GetByLabel("重办理由").FillAsync("来电人反映路灯仍不亮");
        await agent.GetByRole(AriaRole.Button, new() { Name = "重新派办" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("已重新派至原承办单位");
        await Assertions.Expect(agent.Locator("dl.facts")).ToHaveAttributeAsync("data-stage", "Dispatched");
        await Assertions.Expect(agent.Locator("ol.timeline li").Filter(new() { HasText = "重办" })).ToContainTextAsync("来电人反映路灯仍不亮");
        await PortalFixture.ShotAsync(agent, "hotline-reopened-390");

        var order = await HotlineSetup.GetAsync(agentApi, id);
        Assert.Equal((WorkOrderStage.Dispatched, township), (order.Stage, order.UnitId));
        Assert.Contains(order.History, e => e.Action == "called-back" && e.Detail!.StartsWith("Dissatisfied, not resolved"));
    }
}
