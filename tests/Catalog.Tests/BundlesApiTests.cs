using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Gateway.Apis.Bundles;
using Grid.Grains.Bundles;
using Grid.Grains.Catalog;
using Grid.Testing;
using static Grid.Catalog.Tests.TestData;

namespace Grid.Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class BundlesApiTests(GatewayFactory gateway)
{
    [Fact]
    public async Task ABundleAsksForEachMaterialOnceAcrossItsItems()
    {
        var department = await gateway.SignedInClientAsync(DemoAccounts.Department);
        var (a, b) = (NewCode(), NewCode());
        await CreateItemAsync(department, City, Item(a, name: "甲事项"));
        await CreateItemAsync(department, City, Item(b, name: "乙事项"));
        await CreateGuideAsync(department, City, a, Guide(Material("申请表"), Material("收入证明", copies: 1), Material("居民身份证", required: false, exempt: true)));
        await CreateGuideAsync(department, City, b, Guide(Material("收入证明", copies: 2), Material("居民身份证", required: false, exempt: true), Material("医疗费用票据")));
        var code = NewCode("YJS");
        (await department.SendAsync(Put($"/api/bundles/{code}", new ServiceBundle(code, "测试一件事", "民政局", [a, b], "一次办")))).EnsureSuccessStatusCode();

        var detail = await gateway.CreateClient().GetFromJsonAsync<BundleDetailDto>($"/api/bundles/{code}", Json.Options);

        Assert.Equal(["申请表", "收入证明", "居民身份证", "医疗费用票据"], detail!.Materials.Select(m => m.Name).ToList());
        var income = detail.Materials.Single(m => m.Name == "收入证明");
        Assert.Equal((2, true), (income.Copies, income.Required));
        Assert.Equal([a, b], income.ItemCodes);
        Assert.False(detail.Materials.Single(m => m.Name == "居民身份证").Required);
        Assert.Equal(["甲事项", "乙事项"], detail.Items.Select(i => i.Name).ToList());
    }

    [Fact]
    public async Task ApplyingForABundleTracksEachItemsApprovalAndARetryDoesNotApplyTwice()
    {
        var resident = await gateway.SignedInClientAsync(DemoAccounts.Resident);
        var me = await resident.GetFromJsonAsync<Grid.Contracts.AccountDto>("/api/auth/me", Json.Options);
        var key = Guid.NewGuid().ToString();
        async Task<BundleApplication> ApplyAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/bundles/YJS-YL/applications") { Content = JsonContent.Create(new BundleApplyRequest(me!.RegionCode, null)) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await resident.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<BundleApplication>(Json.Options))!;
        }

        var first = await ApplyAsync();
        var retry = await ApplyAsync();
        var department = await gateway.SignedInClientAsync(DemoAccounts.Department);
        var url = $"/api/bundles/applications/{first.Id}/items";
        var own = await department.PostAsJsonAsync($"{url}/MZ-GF-001/decision", new BundleDecisionRequest(true, null));
        var foreign = await department.PostAsJsonAsync($"{url}/WJ-GG-005/decision", new BundleDecisionRequest(true, null));
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        await admin.PostAsJsonAsync($"{url}/WJ-GG-005/decision", new BundleDecisionRequest(true, null));
        var last = await admin.PostAsJsonAsync($"{url}/RS-GF-002/decision", new BundleDecisionRequest(true, null));
        var seen = await resident.GetFromJsonAsync<BundleApplication>($"/api/bundles/applications/{first.Id}", Json.Options);

        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(me!.SubjectId, first.ResidentId);
        Assert.Equal(["WJ-GG-005", "MZ-GF-001", "RS-GF-002"], first.Items.Select(i => i.ItemCode).ToList());
        Assert.All(first.Items, i => Assert.Equal(ApprovalState.Pending, i.State));
        var afterOwn = (await own.Content.ReadFromJsonAsync<BundleApplication>(Json.Options))!;
        Assert.Equal((ApprovalState.Approved, BundleApplicationStatus.InProgress), (afterOwn.Items[1].State, afterOwn.Status));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal(BundleApplicationStatus.Approved, seen!.Status);
        Assert.All(seen.Items, i => Assert.Equal(ApprovalState.Approved, i.State));
    }

    [Fact]
    public async Task TheSeededBundlesMergeTheirGuidesWithoutDuplicates()
    {
        var detail = await gateway.CreateClient().GetFromJsonAsync<BundleDetailDto>("/api/bundles/YJS-CJ", Json.Options);

        Assert.Equal("残疾人联合会", detail!.Bundle.Bundle.LeadDepartment);
        Assert.Equal(detail.Materials.Count, detail.Materials.Select(m => GuideRules.Normalize(m.Name)).Distinct().Count());
        Assert.Equal(3, detail.Materials.Single(m => m.Name == "居民身份证").ItemCodes.Count);
    }
}
