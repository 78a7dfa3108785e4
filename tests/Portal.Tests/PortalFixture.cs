using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;
using Microsoft.Playwright;

namespace Grid.Portal.Tests;

/// <summary>
/// The built gateway as a real process (a browser needs a real socket) with the demo seed in 咸安区,
/// and Chromium (see <see cref="BrowserLocator"/>) driven by Playwright. Shared by the browser tests; each test makes its own data.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private IPlaywright? _playwright;

    public GatewayProcess Gateway { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl => Gateway.BaseAddress.ToString().TrimEnd('/');

    public static string Screenshots { get; } =
        Directory.CreateDirectory(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../TestResults/screenshots"))).FullName;

    public async Task InitializeAsync()
    {
        // Skipped tests still get their collection fixture: start nothing when they are skipped.
        if (BrowserLocator.SkipReason is not null) return;
        var chromium = BrowserLocator.Executable ?? throw new InvalidOperationException(BrowserLocator.Missing + " (CI=true: the browser tests must run)");
        Gateway = new GatewayProcess(_data.Path, new Dictionary<string, string>
        {
            ["Grid__Seed__PeopleCounties__0"] = GatewayFactory.SeededCounty,
            // 通山县 works to a drill clock (a working day lasts 3 s), so the hotline board can show an order gone overdue.
            [$"Grid__Hotline__DrillMinutesPerWorkingDay__{HotlineSetup.DrillCounty}"] = "0.05",
        });
        await Gateway.StartAsync(TimeSpan.FromMinutes(4));
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own storage) at the given width; phones are 360 px.</summary>
    public async Task<IPage> PageAsync(int width = 360, int height = 740, Geolocation? at = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = new() { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            Geolocation = at,
            Permissions = at is null ? [] : ["geolocation"],
        });
        context.SetDefaultTimeout(45_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in form, as a person would, and waits for the role's start page.</summary>
    public static async Task SignInAsync(IPage page, string user, string landing)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(GatewayFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync($"**/{landing}", new() { Timeout = 60_000 });
    }

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task<AccountDto> AccountAsync(HttpClient client) => (await client.GetFromJsonAsync<AccountDto>("/api/auth/me", Json.Options))!;

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Gateway is not null) await Gateway.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
