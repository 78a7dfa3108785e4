using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;
using Microsoft.Playwright;

namespace Grid.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class WorkerPhoneTests(PortalFixture portal)
{
    [BrowserFact]
    public async Task AWorkerCompletesOneTaskOnlineAndAnotherOfflineAndTheServerHasEachOnce()
    {
        var center = await portal.Gateway.SignedInClientAsync(DemoAccounts.Center);
        var coordinator = await portal.Gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        var worker = await portal.AccountAsync(await portal.Gateway.SignedInClientAsync(DemoAccounts.Worker));
        var village = worker.SubjectId![..worker.SubjectId!.IndexOf("-W", StringComparison.Ordinal)];
        var first = await Tasks.OfferedToAsync(center, coordinator, $"{village}-R001", worker.SubjectId);
        var second = await Tasks.OfferedToAsync(center, coordinator, $"{village}-R002", worker.SubjectId);
        var home = (await coordinator.GetFromJsonAsync<ResidentDto>($"/api/residents/{village}-R001", Json.Options))!;

        var page = await portal.PageAsync(at: new Geolocation { Latitude = (float)home.HomeLat, Longitude = (float)home.HomeLng });
        await PortalFixture.SignInAsync(page, DemoAccounts.Worker, "worker");
        await Expect(page.Locator($"[data-task='{first}']"));
        await Expect(page.Locator($"[data-task='{second}']"));
        await Assertions.Expect(page.Locator($"[data-task='{first}'] .why")).Not.ToBeEmptyAsync();
        await PortalFixture.ShotAsync(page, "worker-tasks-360");

        await page.Locator($"[data-task='{first}'] a").ClickAsync();
        await CompleteOnScreenAsync(page, "已提交。");
        await PortalFixture.ShotAsync(page, "worker-task-completed-360");
        Assert.Equal(TaskStage.Completed, (await Tasks.GetAsync(center, first)).Stage);

        await page.GotoAsync($"/worker/tasks/{second}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "接单" })).ToBeVisibleAsync();
        // Opened directly and read from the server: no "showing cached data" banner.
        await Assertions.Expect(page.Locator(".offline")).ToHaveCountAsync(0);
        await page.Context.SetOfflineAsync(true);
        await CompleteOnScreenAsync(page, "已保存，联网后自动发送。");
        await Assertions.Expect(page.Locator("[data-pending]")).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(page, "worker-offline-queued-360");
        Assert.Equal(TaskStage.Offered, (await Tasks.GetAsync(center, second)).Stage);

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("[data-pending]")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        var done = await Tasks.GetAsync(center, second);
        Assert.Equal(TaskStage.Completed, done.Stage);
        Assert.Single(done.History, e => e.Action == "completed");
        Assert.Single(done.History, e => e.Action == "accepted");
        Assert.Single(done.Documents);
    }

    [BrowserFact]
    public async Task AfterOneOnlineVisitTheAppStartsOfflineWithTheCachedTaskList()
    {
        var center = await portal.Gateway.SignedInClientAsync(DemoAccounts.Center);
        var coordinator = await portal.Gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        var worker = await portal.AccountAsync(await portal.Gateway.SignedInClientAsync(DemoAccounts.Worker));
        var village = worker.SubjectId![..worker.SubjectId!.IndexOf("-W", StringComparison.Ordinal)];
        var task = await Tasks.OfferedToAsync(center, coordinator, $"{village}-R004", worker.SubjectId);

        var page = await portal.PageAsync();
        await PortalFixture.SignInAsync(page, DemoAccounts.Worker, "worker");
        await Expect(page.Locator($"[data-task='{task}']"));
        await page.WaitForFunctionAsync("async () => await grid.shellCached()", null, new() { Timeout = 90_000 });

        await page.Context.SetOfflineAsync(true);
        var reloaded = await page.ReloadAsync();
        Assert.True(reloaded!.FromServiceWorker, "the offline reload was answered by the service worker");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的任务" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator($"[data-task='{task}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".offline")).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(page, "worker-offline-start-360");
        await page.Context.SetOfflineAsync(false);
    }

    [BrowserFact]
    public async Task InEnglishATasksReasonAndHistoryReadInEnglish()
    {
        var center = await portal.Gateway.SignedInClientAsync(DemoAccounts.Center);
        var coordinator = await portal.Gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        var worker = await portal.AccountAsync(await portal.Gateway.SignedInClientAsync(DemoAccounts.Worker));
        var village = worker.SubjectId![..worker.SubjectId!.IndexOf("-W", StringComparison.Ordinal)];
        var task = await Tasks.OfferedToAsync(center, coordinator, $"{village}-R003", worker.SubjectId);
        var stored = await Tasks.GetAsync(center, task);
        Assert.False(string.IsNullOrEmpty(stored.Reason));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", stored.Reason + string.Concat(stored.History.Select(h => h.Detail))); // the server's words are Chinese or keys

        var page = await portal.PageAsync();
        await PortalFixture.SignInAsync(page, DemoAccounts.Worker, "worker");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GotoAsync($"/worker/tasks/{task}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var cjk = new System.Text.RegularExpressions.Regex(@"\p{IsCJKUnifiedIdeographs}");
        var why = await page.Locator(".why").InnerTextAsync();
        Assert.Matches(@"^(own grid|neighbouring grid), (visited \d+ times|not visited before), [\d.]+ (m|km)$", why);
        var history = await page.Locator("ol.history").InnerTextAsync();
        Assert.Contains("Requested", history);
        Assert.Contains("via", history);
        Assert.DoesNotContain("requested", history); // no raw step keys
        Assert.DoesNotMatch(cjk, history);
        await PortalFixture.ShotAsync(page, "worker-task-english-360");
    }

    /// <summary>Accept, check in, and complete with one original taken and returned.</summary>
    private static async Task CompleteOnScreenAsync(IPage page, string said)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "接单" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "到达签到" }).ClickAsync();
        await page.GetByLabel("办理结果").FillAsync("已代办身份证换领，材料已交派出所。");
        await page.GetByRole(AriaRole.Button, new() { Name = "+ 添加原件" }).ClickAsync();
        await page.GetByLabel("证件/材料名称").FillAsync("户口簿");
        await page.GetByLabel("已归还").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认办结" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = said })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dd[data-stage]")).ToHaveAttributeAsync("data-stage", "Completed");
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync(new() { Timeout = 90_000 });
}
