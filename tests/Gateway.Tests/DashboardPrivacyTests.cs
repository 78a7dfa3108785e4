using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Gateway.Hosting;
using Grid.Grains.People;
using Grid.Testing;

namespace Grid.Gateway.Tests;

/// <summary>The Orleans dashboard, even for an administrator, never shows a grain's state (ID numbers, phones, password hashes).</summary>
[Collection(GatewayCollection.Name)]
public sealed class DashboardPrivacyTests(GatewayFactory gateway)
{
    [Fact]
    public async Task NoDashboardRouteReturnsAResidentsStateToAnAdmin()
    {
        using var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var found = await admin.GetFromJsonAsync<Page<ResidentSummaryDto>>($"/api/residents?region={GatewayFactory.SeededCounty}&pageSize=1", Json.Options);
        var village = Assert.Single(found!.Items);
        var resident = await admin.GetFromJsonAsync<ResidentDto>($"/api/residents/{village.Id}", Json.Options);
        Assert.False(resident!.IdNumberMasked); // the admin reads it in clear through the API (audited), and the grain is active now
        var type = typeof(ResidentGrain).FullName!;
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/dashboard/GrainTypes")).StatusCode); // the dashboard answers this admin

        string[] routes =
        [
            "/dashboard/", "/dashboard/index.html", "/dashboard/version", "/dashboard/DashboardCounters", "/dashboard/ClusterStats",
            "/dashboard/Reminders", "/dashboard/Reminders/1", "/dashboard/TopGrainMethods", "/dashboard/LifecycleStages", "/dashboard/GrainTypes",
            $"/dashboard/GrainStats/{type}", $"/dashboard/HistoricalStats/{type}",
            $"/dashboard/GrainState?grainId={village.Id}&grainType={type}", $"/dashboard/grainstate?grainId={village.Id}&grainType={type}",
        ];
        foreach (var route in routes)
        {
            var response = await admin.GetAsync(route);
            var body = await response.Content.ReadAsStringAsync();
            Assert.False(body.Contains(resident.IdNumber, StringComparison.Ordinal), $"{route} shows the ID number");
            Assert.False(body.Contains(resident.Phone, StringComparison.Ordinal), $"{route} shows the phone");
        }
        var state = await admin.GetAsync($"{DashboardApi.GrainStateRoute}?grainId={village.Id}&grainType={type}");
        Assert.Equal(HttpStatusCode.NotFound, state.StatusCode);
        Assert.Equal("application/problem+json", state.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheBlockedRouteStillNeedsAnAdmin()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.CreateClient().GetAsync(DashboardApi.GrainStateRoute)).StatusCode);
    }
}
