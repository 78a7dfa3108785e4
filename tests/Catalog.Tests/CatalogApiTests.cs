using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grid.Contracts;
using Grid.Grains.Catalog;
using Grid.Testing;
using static Grid.Catalog.Tests.TestData;

namespace Grid.Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class CatalogApiTests(GatewayFactory gateway)
{
    [Fact]
    public async Task SearchFindsSeededItemsByChineseTextAnonymouslyAndPages()
    {
        var client = gateway.CreateClient();

        var page = await client.GetFromJsonAsync<Page<CatalogEntry>>("/api/catalog/items?q=养老&pageSize=2", Json.Options);
        var all = await client.GetFromJsonAsync<Page<CatalogEntry>>("/api/catalog/items?q=养老&pageSize=100", Json.Options);

        Assert.Equal(2, page!.Items.Count);
        Assert.True(page.Total >= 4);
        Assert.Equal(page.Total, all!.Items.Count);
        Assert.Contains(all.Items, e => e.Name == "城乡居民基本养老保险参保登记");
        Assert.All(all.Items, e => Assert.Contains("养老", e.Name));
    }

    [Fact]
    public async Task SearchFiltersByCodeTypeFieldAndLevel()
    {
        var client = gateway.CreateClient();

        var byCode = await client.GetFromJsonAsync<Page<CatalogEntry>>("/api/catalog/items?code=YB-", Json.Options);
        var byField = await client.GetFromJsonAsync<Page<CatalogEntry>>("/api/catalog/items?type=PublicService&field=Disability", Json.Options);
        var byLevel = await client.GetFromJsonAsync<Page<CatalogEntry>>("/api/catalog/items?level=Village&q=高龄", Json.Options);

        Assert.All(byCode!.Items, e => Assert.StartsWith("YB-", e.Code));
        Assert.True(byCode.Total >= 5);
        Assert.Contains(byField!.Items, e => e.Name == "残疾人证新办");
        Assert.All(byField.Items, e => Assert.Equal(PublicServiceField.Disability, e.Field));
        Assert.Equal("高龄津贴申领", Assert.Single(byLevel!.Items).Name);
    }

    [Fact]
    public async Task AnUnknownEnumOrPageSizeIsABadRequestNotAServerError()
    {
        var client = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/catalog/items?type=Magic")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/catalog/items?pageSize=1000")).StatusCode);
    }

    [Fact]
    public async Task ADepartmentEditsItsItemAndEveryChangeIsVersionedWithWhoAndWhy()
    {
        var client = await gateway.SignedInClientAsync(DemoAccounts.Department);
        var code = NewCode();
        var created = await CreateItemAsync(client, City, Item(code));

        var changed = await client.SendAsync(Put(ItemUrl(City, code), new { item = Item(code) with { OnSiteVisits = 1 }, reason = "需现场核验" }, ifMatch: 1));
        var stale = await client.SendAsync(Put(ItemUrl(City, code), new { item = Item(code), reason = "旧版本" }, ifMatch: 1));
        var blind = await client.SendAsync(Put(ItemUrl(City, code), new { item = Item(code), reason = "无版本" }));
        var history = await client.GetFromJsonAsync<List<ServiceItemVersion>>(ItemUrl(City, code) + "/versions", Json.Options);

        Assert.Equal(1, created.Version);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("\"2\"", changed.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, blind.StatusCode);
        Assert.Equal([(1, "新增事项", 0), (2, "需现场核验", 1)], history!.Select(v => (v.Version, v.Reason, v.Item.OnSiteVisits)).ToList());
        Assert.All(history!, v => Assert.Equal(DemoAccounts.Department, v.ChangedBy));
    }

    [Fact]
    public async Task ADepartmentCannotEditAnotherDepartmentsItems()
    {
        var client = await gateway.SignedInClientAsync(DemoAccounts.Department);

        var mine = NewCode();
        var refused = await client.SendAsync(Put(ItemUrl(City, mine), new { item = Item(mine, "医疗保障局"), reason = "x" }));
        var seeded = await client.GetAsync(ItemUrl(City, "YB-GG-001"));
        var version = int.Parse(seeded.Headers.ETag!.Tag.Trim('"'));
        var item = (await seeded.Content.ReadFromJsonAsync<ServiceItemVersion>(Json.Options))!.Item;
        var foreignSeeded = await client.SendAsync(Put(ItemUrl(City, "YB-GG-001"), new { item = item with { Department = "民政局" }, reason = "x" }, version));

        Assert.Equal(HttpStatusCode.Forbidden, foreignSeeded.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task InvalidFieldsAreNamedAndWritingNeedsASignIn()
    {
        var client = await gateway.SignedInClientAsync(DemoAccounts.Department);
        var code = NewCode();

        var bad = await client.SendAsync(Put(ItemUrl(City, code), new { item = Item(code) with { Type = ServiceItemType.PublicService, LegalBasis = "" }, reason = "" }));
        var anonymous = await gateway.CreateClient().SendAsync(Put(ItemUrl(City, code), new { item = Item(code), reason = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("field", out _));
        Assert.True(errors.TryGetProperty("legalBasis", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task ACountyVersionDifferingFromTheCitysIsRefusedListingEachElement()
    {
        var client = await gateway.SignedInClientAsync(DemoAccounts.Department);
        var code = NewCode();
        await CreateItemAsync(client, City, Item(code));

        var differing = Item(code) with { LegalBasis = "《咸安区自定办法》", PromisedTimeLimit = new TimeLimit(10, TimeLimitUnit.WorkingDays) };
        var refused = await client.SendAsync(Put(ItemUrl(Xianan, code), new { item = differing, reason = "本地版本" }));
        var localOnly = await client.SendAsync(Put(ItemUrl(Xianan, code), new { item = Item(code) with { Levels = [ServiceLevel.Village], RequiredSkills = [] }, reason = "本地版本" }));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var elements = problem.GetProperty("differences").EnumerateArray().Select(d => d.GetProperty("element").GetString()).ToList();
        Assert.Equal(["legalBasis", "promisedTimeLimit"], elements);
        Assert.Equal(HttpStatusCode.OK, localOnly.StatusCode);
    }

    [Fact]
    public async Task TheConsistencyCheckReportsEveryInconsistencyInARegion()
    {
        var department = await gateway.SignedInClientAsync(DemoAccounts.Department);
        var code = NewCode();
        await CreateItemAsync(department, City, Item(code));
        await CreateItemAsync(department, Xianan, Item(code));

        var cityChange = await department.SendAsync(Put(ItemUrl(City, code), new { item = Item(code) with { Result = "按月发放津贴至社会保障卡" }, reason = "全市统一调整" }, 1));
        var coordinator = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        var report = await coordinator.GetFromJsonAsync<JsonElement>($"/api/catalog/regions/{Xianan}/consistency", Json.Options);
        var outside = await coordinator.GetAsync("/api/catalog/regions/421222000000/consistency");

        Assert.Equal(HttpStatusCode.OK, cityChange.StatusCode);
        var entry = report.EnumerateArray().Single(r => r.GetProperty("itemCode").GetString() == code);
        var diff = Assert.Single(entry.GetProperty("differences").EnumerateArray());
        Assert.Equal("result", diff.GetProperty("element").GetString());
        Assert.Equal("按月发放津贴至社会保障卡", diff.GetProperty("cityValue").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
    }
}
