using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Grid.Contracts;
using Grid.Testing;
using Microsoft.Playwright;

namespace Grid.Portal.Tests;

/// <summary>Duplicate suggestions on the intake screen: after filing, the likely duplicates with why and how far, and one click to merge.</summary>
[Collection(PortalCollection.Name)]
public sealed class HotlineDuplicatesTests(PortalFixture portal)
{
    [BrowserFact]
    public async Task AfterFilingTheAgentSeesTheSameCallersOpenOrderWithItsDistanceAndMergesIntoItWithOneClick()
    {
        var agentApi = await portal.Gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var (township, _) = await HotlineSetup.ClickableTownshipAsync(agentApi, HotlineSetup.Tongcheng);
        var (lat, lng) = await HotlineSetup.CentreAsync(agentApi, township);
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        var first = await agentApi.PostAsJsonAsync("/api/hotline/orders", new WorkOrderIntakeRequest(WorkOrderChannel.Agent, "road-damage",
            WorkOrderGrade.Request, Urgency.Routine, null, "村口道路塌陷", lat, lng, null, null, "钱七", phone), Json.Options);
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
        var firstId = (await first.Content.ReadFromJsonAsync<WorkOrderDto>(Json.Options))!.Id;
        await HotlineSetup.ListedAsync(agentApi, $"/api/hotline/months/{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)):yyyy-MM}/orders?pageSize=100", firstId);

        // The same caller rings again about the same road; the agent files it from the map on a phone.
        var agent = await portal.PageAsync(390, 844);
        await PortalFixture.SignInAsync(agent, DemoAccounts.DataBureau, "hotline/intake");
        await HotlineSetup.PickOnMapAsync(agent, "通城县", township);
        await agent.GetByLabel("姓名", new() { Exact = true }).FillAsync("钱七");
        await agent.GetByLabel("电话", new() { Exact = true }).FillAsync(phone);
        await agent.GetByLabel("诉求分类").SelectOptionAsync(new SelectOptionValue { Value = "road-damage" });
        await agent.GetByLabel("诉求内容").FillAsync("村口路面还是塌的");
        await agent.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("已受理");
        var id = (await agent.GetByRole(AriaRole.Status).TextContentAsync())!.Split(' ')[1];

        var proposal = agent.Locator($"section.duplicates li[data-order='{firstId}']");
        await Assertions.Expect(proposal).ToContainTextAsync("同一来电人", new() { Timeout = 60_000 });
        await Assertions.Expect(proposal).ToContainTextAsync(new Regex(@"相距 \d+(\.\d)? (米|公里)"));
        await PortalFixture.ShotAsync(agent, "hotline-duplicates-390");
        await agent.SetViewportSizeAsync(1280, 900);
        await PortalFixture.ShotAsync(agent, "hotline-duplicates-1280");
        await proposal.GetByRole(AriaRole.Button, new() { Name = "合并至 " + firstId }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("已合并至 " + firstId);
        await Assertions.Expect(agent.Locator("dl.facts")).ToHaveAttributeAsync("data-stage", "Closed");
        await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^一键派送") })).ToHaveCountAsync(0);
        await PortalFixture.ShotAsync(agent, "hotline-merged-1280");

        var merged = await HotlineSetup.GetAsync(agentApi, id);
        Assert.Equal(firstId, merged.MergedInto);
        var survivor = await HotlineSetup.GetAsync(agentApi, firstId);
        Assert.Contains(survivor.Merged ?? [], m => m.Id == id && m.Reason.Contains("同一来电人"));
    }
}
