using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests.Hotline;

/// <summary>Admin-issued Open311 keys: shown once, stored as a hash, scoped to a jurisdiction, revocable; configured keys still work.</summary>
[Collection(HotlineCollection.Name)]
public sealed class Open311KeyTests(HotlineFactory gateway)
{
    private const string Xianan = "421202000000"; // 咸安区

    [Fact]
    public async Task AKeyForTongchengFilesThereButNotOutsideAndStopsWhenRevoked()
    {
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var issued = await (await admin.PostAsJsonAsync("/api/admin/open311/keys", new IssueOpen311KeyRequest("通城县 12345 app", HotlineFactory.TongchengCounty), Json.Options))
            .ReadAsync<IssuedOpen311KeyDto>(HttpStatusCode.Created);
        var (inside, outside) = (await Open311LifecycleTests.PointInAsync(admin, HotlineFactory.TongchengCounty), await Open311LifecycleTests.PointInAsync(admin, Xianan));

        var filed = await FileAsync(issued.ApiKey, inside);
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode); // precondition: the key files inside its jurisdiction
        var refused = await FileAsync(issued.ApiKey, outside);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var errors = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(403, errors[0]!["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await FileAsync(HotlineFactory.ApiKey, outside)).StatusCode); // a configured key serves the whole city

        var list = await admin.GetAsync("/api/admin/open311/keys");
        var listed = await list.ReadAsync<List<Open311KeyDto>>();
        Assert.Contains(listed, k => k.Id == issued.Key.Id && k.Jurisdiction == HotlineFactory.TongchengCounty && k.RevokedAt is null);
        Assert.DoesNotContain(issued.ApiKey, await list.Content.ReadAsStringAsync());
        var revoked = await (await admin.PostAsync($"/api/admin/open311/keys/{issued.Key.Id}/revoke", null)).ReadAsync<Open311KeyDto>();
        Assert.NotNull(revoked.RevokedAt);
        Assert.Equal(HttpStatusCode.Forbidden, (await FileAsync(issued.ApiKey, inside)).StatusCode);
    }

    [Fact]
    public async Task OnlyAnAdministratorIssuesKeysAndOnlyForARegionOfTheCity()
    {
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var good = await admin.PostAsJsonAsync("/api/admin/open311/keys", new IssueOpen311KeyRequest("咸安区", Xianan), Json.Options);
        Assert.Equal(HttpStatusCode.Created, good.StatusCode); // precondition

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/admin/open311/keys", new IssueOpen311KeyRequest("x", Xianan), Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/open311/keys", new IssueOpen311KeyRequest("北京", "110000000000"), Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/admin/open311/keys/nosuchkey/revoke", null)).StatusCode);
        var audit = await (await admin.GetAsync($"/api/admin/audit?subject={(await good.ReadAsync<IssuedOpen311KeyDto>(HttpStatusCode.Created)).Key.Id}&pageSize=50")).ReadAsync<Page<AuditEntryDto>>();
        Assert.Contains(audit.Items, e => e.Action == "open311.key.issue" && e.Actor == DemoAccounts.Admin);
    }

    private Task<HttpResponseMessage> FileAsync(string key, (double Lat, double Lng) point) =>
        gateway.CreateClient().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "road-damage", ["lat"] = $"{point.Lat:R}", ["long"] = $"{point.Lng:R}", ["description"] = "路面坑洼",
        }));
}
