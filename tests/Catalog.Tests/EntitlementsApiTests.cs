using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Gateway.Apis.Entitlements;
using Grid.Grains.Entitlements;
using Grid.Grains.People;
using Grid.Grains.Regions;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class EntitlementsApiTests(GatewayFactory gateway)
{
    private const string Township = "421202001000"; // 温泉街道

    [Fact]
    public async Task TheResponsibleDepartmentSeesEveryoneWhoQualifiesWithPersonalDataMasked()
    {
        var client = await gateway.SignedInClientAsync(DemoAccounts.Department);

        var page = await client.GetFromJsonAsync<Page<EligibleResidentDto>>($"/api/entitlements/MSJX-001/eligible?region={Township}&pageSize=100", Json.Options);

        var expected = await AgedEightyOrMoreAsync();
        Assert.True(expected.Count > 0);
        Assert.Equal(expected.Count, page!.Total);
        Assert.Equal(expected.Take(100).ToList(), page.Items.Select(r => r.ResidentId).ToList());
        Assert.All(page.Items, r =>
        {
            Assert.Matches(@"^\d{6}\*{8}\d{3}[\dX]$", r.MaskedIdNumber);
            Assert.Contains('*', r.MaskedName);
            Assert.StartsWith("age ", Assert.Single(r.Reasons));
        });
    }

    [Fact]
    public async Task OtherDepartmentsAndOtherRolesMayNotListWhoQualifies()
    {
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var user = "rs-" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PutAsJsonAsync($"/api/admin/accounts/{user}",
            new CreateAccountRequest(user, "市人社局", "password-123456", Roles.Department, RegionCodes.City, "人力资源和社会保障局"))).EnsureSuccessStatusCode();
        var otherDepartment = await gateway.SignedInClientAsync(user, "password-123456");
        var coordinator = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);

        Assert.Equal(HttpStatusCode.Forbidden, (await otherDepartment.GetAsync($"/api/entitlements/MSJX-001/eligible?region={Township}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/api/entitlements/MSJX-001/eligible?region={Township}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.CreateClient().GetAsync($"/api/entitlements/MSJX-001/eligible")).StatusCode);
    }

    [Fact]
    public async Task ARuleOverNeedsAndCareLevelSelectsExactlyThoseResidents()
    {
        var client = await gateway.SignedInClientAsync(DemoAccounts.Department);
        var id = "T-MSJX-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var policy = new EntitlementPolicy(id, "测试护理补贴", "民政局", Township, null, "每月护理补贴",
            new EligibilityRule([Need.LivingAlone], [], null, null, 2), "测试文号");
        (await client.PutAsJsonAsync($"/api/entitlements/{id}", policy, Json.Options)).EnsureSuccessStatusCode();

        var page = await client.GetFromJsonAsync<Page<EligibleResidentDto>>($"/api/entitlements/{id}/eligible?pageSize=100", Json.Options);

        var directory = await ResidentsAsync();
        var expected = directory.Where(r => r.Needs.Contains(Need.LivingAlone) && r.CareLevel >= 2).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, page!.Total);
        Assert.Equal(expected.Take(100), page.Items.Select(r => r.ResidentId));
    }

    private async Task<List<ResidentSummary>> ResidentsAsync()
    {
        var grains = gateway.Services.GetRequiredService<IGrainFactory>();
        var villages = await grains.GetGrain<IRegionGrain>(Township).GetChildrenAsync();
        var lists = await Task.WhenAll(villages.Select(v => grains.GetGrain<IVillageDirectoryGrain>(v.Code).GetResidentsAsync()));
        return lists.SelectMany(l => l).ToList();
    }

    private async Task<List<string>> AgedEightyOrMoreAsync()
    {
        var grains = gateway.Services.GetRequiredService<IGrainFactory>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var profiles = await Task.WhenAll((await ResidentsAsync()).Select(r => grains.GetGrain<IResidentGrain>(r.Id).GetAsync()));
        return profiles.Where(p => EligibilityRules.AgeOn(DateOnly.ParseExact(p!.IdNumber[6..14], "yyyyMMdd"), today) >= 80)
            .Select(p => p!.Id).Order(StringComparer.Ordinal).ToList();
    }
}
