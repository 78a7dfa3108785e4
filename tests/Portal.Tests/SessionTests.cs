using Grid.Testing;
using Microsoft.Playwright;

namespace Grid.Portal.Tests;

/// <summary>The portal keeps no token where scripts can read it, and a reload signs in again through the refresh cookie.</summary>
[Collection(PortalCollection.Name)]
public sealed class SessionTests(PortalFixture portal)
{
    [BrowserFact]
    public async Task AReloadKeepsTheSessionThroughTheRefreshCookieAndNoTokenIsReadableByScripts()
    {
        var page = await portal.PageAsync(1280, 800);
        await PortalFixture.SignInAsync(page, DemoAccounts.Coordinator, "coordinator");
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "退出" });
        await Assertions.Expect(signOut).ToBeVisibleAsync();
        var cookies = await page.Context.CookiesAsync();
        Assert.Contains(cookies, c => c is { Name: "grid.refresh", HttpOnly: true, Path: "/api/auth", SameSite: SameSiteAttribute.Strict });

        var stored = await page.EvaluateAsync<string>("() => JSON.stringify(Object.assign({}, localStorage)) + document.cookie");
        Assert.DoesNotContain("eyJ", stored); // no JWT (they start with a base64 '{"')
        Assert.DoesNotContain("grid.refresh", stored);

        await page.ReloadAsync();
        await Assertions.Expect(signOut).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.GotoAsync("/coordinator");
        await Assertions.Expect(page.Locator("svg.map")).ToHaveCountAsync(1, new() { Timeout = 90_000 }); // API calls carry a fresh token

        await signOut.ClickAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "登录" }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }
}
