using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Grid.Contracts;
using Grid.Grains.Catalog;
using Grid.Testing;
using static Grid.Catalog.Tests.TestData;

namespace Grid.Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class GuideApiTests(GatewayFactory gateway)
{
    [Fact]
    public async Task AGuideRequiringAnExemptMaterialIsRefusedWithTheReason()
    {
        var client = await gateway.SignedInClientAsync(DemoAccounts.Department);
        var code = NewCode();
        await CreateItemAsync(client, City, Item(code));

        var response = await client.SendAsync(Put(ItemUrl(City, code) + "/guide",
            new { guide = Guide(Material("申请表"), Material("村委会出具的居住证明", required: true, exempt: true)), reason = "编制" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("免提交", errors.GetProperty("materials[1]")[0].GetString());
    }

    [Fact]
    public async Task AGuideRequiringAMaterialObtainableByDataSharingIsRefusedWithTheReason()
    {
        var client = await gateway.SignedInClientAsync(DemoAccounts.Department);
        var code = NewCode();
        await CreateItemAsync(client, City, Item(code));

        var response = await client.SendAsync(Put(ItemUrl(City, code) + "/guide",
            new { guide = Guide(Material("居民户口簿复印件"), Material("申请表")), reason = "编制" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("data sharing", errors.GetProperty("materials[0]")[0].GetString());
    }

    [Fact]
    public async Task AGuideListingExemptMaterialsAsNotRequiredIsPublishedWithAllItsParts()
    {
        var client = await gateway.SignedInClientAsync(DemoAccounts.Department);
        var code = NewCode();
        await CreateItemAsync(client, City, Item(code));
        var guide = Guide(Material("申请表", copies: 2), Material("居民身份证", required: false, exempt: true, source: MaterialSource.DataSharing)) with
            { VideoVersionUrl = "https://example.org/video.mp4", IllustratedVersionUrl = "https://example.org/guide.png" };

        await CreateGuideAsync(client, City, code, guide);
        var read = await gateway.CreateClient().GetFromJsonAsync<ServiceGuideVersion>(ItemUrl(City, code) + "/guide", Json.Options);

        Assert.Equal(1, read!.Version);
        Assert.Equal(["申请表", "居民身份证"], read.Guide.Materials.Select(m => m.Name).ToList());
        Assert.True(read.Guide.Materials[1].Exempt);
        Assert.Equal("0715-12345", read.Guide.Phone);
        Assert.Equal("咸宁市12345热线", read.Guide.ComplaintAddress);
        Assert.NotEmpty(read.Guide.Faq);
        Assert.NotEmpty(read.Guide.Samples);
        Assert.Equal("https://example.org/video.mp4", read.Guide.VideoVersionUrl);
    }

    [Fact]
    public async Task ACatchAllMaterialAndMissingContactsAreRefusedFieldByField()
    {
        var client = await gateway.SignedInClientAsync(DemoAccounts.Department);
        var code = NewCode();
        await CreateItemAsync(client, City, Item(code));

        var response = await client.SendAsync(Put(ItemUrl(City, code) + "/guide",
            new { guide = Guide(Material("其他相关材料")) with { Phone = "", ComplaintAddress = " " }, reason = "编制" }));

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("兜底条款", errors.GetProperty("materials[0]")[0].GetString());
        Assert.True(errors.TryGetProperty("phone", out _));
        Assert.True(errors.TryGetProperty("complaintAddress", out _));
    }

    [Fact]
    public async Task ACountyGuideWithOtherMaterialsThanTheCitysIsRefused()
    {
        var client = await gateway.SignedInClientAsync(DemoAccounts.Department);
        var code = NewCode();
        await CreateItemAsync(client, City, Item(code));
        await CreateItemAsync(client, Xianan, Item(code));
        await CreateGuideAsync(client, City, code, Guide(Material("申请表")));

        var refused = await client.SendAsync(Put(ItemUrl(Xianan, code) + "/guide", new { guide = Guide(Material("申请表"), Material("收入证明")), reason = "本地" }));
        var localContacts = await client.SendAsync(Put(ItemUrl(Xianan, code) + "/guide", new { guide = Guide(Material("申请表")) with { Phone = "0715-8888888" }, reason = "本地" }));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("guide.materials", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, localContacts.StatusCode);
    }

    [Fact]
    public async Task SeededItemsHaveGuidesThatPassTheRules()
    {
        var guide = await gateway.CreateClient().GetFromJsonAsync<ServiceGuideVersion>(ItemUrl(City, "MZ-GF-001") + "/guide", Json.Options);

        Assert.Contains(guide!.Guide.Materials, m => m.Name == "居民身份证" && m.Exempt && !m.Required);
        Assert.Contains(guide.Guide.Materials, m => m.Required);
    }
}
