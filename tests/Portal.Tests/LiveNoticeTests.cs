using System.Diagnostics;
using Grid.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Grid.Portal.Tests;

/// <summary>A worker's task list is open; a task is then offered to them through the API: the notice shows (and is announced) within 2 s, and the task joins the list without a reload.</summary>
[Collection(PortalCollection.Name)]
public sealed class LiveNoticeTests(PortalFixture portal, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task AnOfferReachesTheOpenWorkerPageWithinTwoSeconds()
    {
        var center = await portal.Gateway.SignedInClientAsync(DemoAccounts.Center);
        var coordinator = await portal.Gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        var worker = await portal.AccountAsync(await portal.Gateway.SignedInClientAsync(DemoAccounts.Worker));
        var village = worker.SubjectId![..worker.SubjectId!.IndexOf("-W", StringComparison.Ordinal)];

        var page = await portal.PageAsync();
        // The stream's headers come once the server has registered the connection with the worker's inbox.
        var streaming = page.WaitForResponseAsync(r => r.Url.Contains("/api/notifications/stream") && r.Status == 200, new() { Timeout = 90_000 });
        await PortalFixture.SignInAsync(page, DemoAccounts.Worker, "worker");
        await streaming;
        var notice = page.Locator("[data-live-notice]");
        Assert.Equal("status", await notice.GetAttributeAsync("role")); // a live region: screen readers announce it
        await Assertions.Expect(notice).ToBeEmptyAsync();

        var clock = Stopwatch.StartNew();
        var taskId = await Tasks.OfferedToAsync(center, coordinator, $"{village}-R005", worker.SubjectId);
        var offeredAfter = clock.Elapsed;
        clock.Restart();
        await Assertions.Expect(notice).ToContainTextAsync(taskId, new() { Timeout = 5_000 });
        var shownAfter = clock.Elapsed;
        Assert.True(shownAfter <= TimeSpan.FromSeconds(2), $"the notice took {shownAfter.TotalMilliseconds:0} ms after the offer (the offer call itself {offeredAfter.TotalMilliseconds:0} ms)");
        output.WriteLine($"offer call {offeredAfter.TotalMilliseconds:0} ms; notice shown {shownAfter.TotalMilliseconds:0} ms after it");
        await Assertions.Expect(notice).ToContainTextAsync("新任务");

        // The list reads itself again: the offered task is there without a reload.
        await Assertions.Expect(page.Locator($"[data-task='{taskId}']")).ToBeVisibleAsync();
        await PortalFixture.ShotAsync(page, "worker-live-notice-360");
    }
}
