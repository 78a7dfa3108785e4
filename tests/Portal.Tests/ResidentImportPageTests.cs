using System.Net.Http.Json;
using System.Text;
using Grid.Contracts;
using Grid.Grains.Seeding;
using Grid.Testing;
using Microsoft.Playwright;

namespace Grid.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class ResidentImportPageTests(PortalFixture portal)
{
    [BrowserFact]
    public async Task ACenterChecksASheetSeesTheBadRowsAndImportsTheRestWithProgress()
    {
        var center = await portal.Gateway.SignedInClientAsync(DemoAccounts.Center);
        var village = (await portal.AccountAsync(center)).RegionCode;
        var home = (await center.GetFromJsonAsync<ResidentDto>($"/api/residents/{village}-R003", Json.Options))!;
        var first17 = $"421202{new DateOnly(1931, 1, 1).AddDays(Random.Shared.Next(20000)):yyyyMMdd}{Random.Shared.Next(100, 999)}";
        var csv = string.Join("\r\n",
            "姓名,身份证号,手机,需求,照护等级,住址,纬度,经度,同意范围",
            $"页面导入{first17[^6..]},{first17 + IdNumbers.CheckDigit(first17)},13900002222,Aged,2,咸安区页面路1号,{home.HomeLat},{home.HomeLng},",
            $"错误电话,{first17[..16]}1{IdNumbers.CheckDigit(first17[..16] + "1")},2390000,Aged,1,咸安区页面路2号,{home.HomeLat},{home.HomeLng},",
            $"城外居民,{first17[..16]}2{IdNumbers.CheckDigit(first17[..16] + "2")},13900003333,Aged,1,北京,39.9,116.4,") + "\r\n";

        var page = await portal.PageAsync(1024, 800);
        await PortalFixture.SignInAsync(page, DemoAccounts.Center, "center/roster");
        await page.GetByRole(AriaRole.Link, new() { Name = "导入居民" }).ClickAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "residents.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "检查" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("共 3 行，1 行可导入，2 个问题。", new() { Timeout = 60_000 });
        var problems = page.GetByRole(AriaRole.Table, new() { Name = "问题行" }).Locator("tbody tr");
        await Assertions.Expect(problems).ToHaveCountAsync(2);
        await Assertions.Expect(problems.Nth(0)).ToContainTextAsync("3phone");
        await Assertions.Expect(problems.Nth(1)).ToContainTextAsync("4homeLat");

        await page.GetByRole(AriaRole.Button, new() { Name = "导入 1 行" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("导入完成：3/3（新建 1，已存在 0，失败 2）")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await PortalFixture.ShotAsync(page, "center-import");
    }
}
