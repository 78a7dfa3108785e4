using System.Net;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Regions.Tests;

/// <summary>Masking by role, the audit trail of reads and changes, and the worker's view of its own grid.</summary>
[Collection(RegionsCollection.Name)]
public sealed class PersonalDataTests(GatewayFactory gateway)
{
    [Fact]
    public async Task CenterStaffSeeIdNumberAndPhoneInClear()
    {
        var resident = await ReadAsync(DemoAccounts.Center);

        Assert.False(resident.IdNumberMasked);
        Assert.False(resident.PhoneMasked);
        Assert.Matches("^[0-9]{17}[0-9X]$", resident.IdNumber);
    }

    [Fact]
    public async Task TheGridWorkerSeesThePhoneButAMaskedIdNumber()
    {
        var resident = await ReadAsync(DemoAccounts.Worker);

        Assert.True(resident.IdNumberMasked);
        Assert.Matches(@"^4212\*{10}[0-9X]{4}$", resident.IdNumber);
        Assert.False(resident.PhoneMasked);
    }

    [Fact]
    public async Task ACoordinatorSeesIdNumberPhonesAndAddressMasked()
    {
        var resident = await ReadAsync(DemoAccounts.Coordinator);

        Assert.True(resident.IdNumberMasked && resident.PhoneMasked && resident.AddressMasked);
        Assert.Matches(@"^1[0-9]{2}\*{4}[0-9]{4}$", resident.Phone);
        Assert.All(resident.Proxies, p => Assert.Contains("****", p.Phone));
    }

    [Fact]
    public async Task AWorkersSearchReturnsOnlyResidentsOfTheGridsItServes()
    {
        var places = await Places.LoadAsync(gateway);
        var page = await (await Clients.SendAsync(gateway, DemoAccounts.Worker, HttpMethod.Get, $"/api/residents?region={places.V1}&pageSize=100"))
            .ReadAsync<Page<ResidentSummaryDto>>();

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, r => Assert.Equal(places.V1 + "-G01", r.GridId));
    }

    [Fact]
    public async Task ReadingAResidentIsAuditedAndAnAdminCanFindItBySubjectAndActor()
    {
        var places = await Places.LoadAsync(gateway);
        var id = places.InV1OtherGrid.Id;
        await Clients.SendAsync(gateway, DemoAccounts.TownshipCoordinator, HttpMethod.Get, $"/api/residents/{id}");

        var response = await Clients.SendAsync(gateway, DemoAccounts.Admin, HttpMethod.Get, $"/api/admin/audit?subject={id}&actor=township");
        var page = await response.ReadAsync<Page<AuditEntryDto>>();

        var entry = Assert.Single(page.Items, e => e.Action == "resident.read");
        Assert.Equal(("township", Roles.Coordinator, "resident", places.V1), (entry.Actor, entry.ActorRole, entry.SubjectType, entry.RegionCode));
        Assert.Equal(TimeSpan.FromHours(8), entry.At.Offset);
        Assert.True(DateTimeOffset.UtcNow - entry.At < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task ChangingAResidentIsAuditedWithTheFieldNamesButNotTheValues()
    {
        var places = await Places.LoadAsync(gateway);
        var id = places.InWorkerGrid.Id;
        var read = await Clients.SendAsync(gateway, DemoAccounts.Center, HttpMethod.Get, $"/api/residents/{id}");
        var r = await read.ReadAsync<ResidentDto>();
        var request = new ResidentRequest(r.Name, r.IdNumber, "13700002222", r.Needs, r.CareLevel, r.HomeLat, r.HomeLng, r.Address, r.Proxies, null);

        var put = await Clients.SendAsync(gateway, DemoAccounts.Center, HttpMethod.Put, $"/api/residents/{id}", request, read.Headers.ETag!.Tag);
        var audit = await (await Clients.SendAsync(gateway, DemoAccounts.Admin, HttpMethod.Get, $"/api/admin/audit?subject={id}&actor=center"))
            .ReadAsync<Page<AuditEntryDto>>();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var entry = audit.Items.First(e => e.Action == "resident.update");
        Assert.Contains("phone", entry.Details);
        Assert.DoesNotContain("13700002222", entry.Details);
    }

    [Fact]
    public async Task AStaleIfMatchIsRefusedAndAMissingOneIsRequired()
    {
        var places = await Places.LoadAsync(gateway);
        var id = places.InV1OtherGrid.Id;
        var r = await (await Clients.SendAsync(gateway, DemoAccounts.Admin, HttpMethod.Get, $"/api/residents/{id}")).ReadAsync<ResidentDto>();
        var request = new ResidentRequest(r.Name, r.IdNumber, r.Phone, r.Needs, r.CareLevel, r.HomeLat, r.HomeLng, r.Address, r.Proxies, null);

        Assert.Equal((HttpStatusCode)428, await Clients.StatusAsync(gateway, DemoAccounts.Admin, HttpMethod.Put, $"/api/residents/{id}", request));
        Assert.Equal(HttpStatusCode.PreconditionFailed, await Clients.StatusAsync(gateway, DemoAccounts.Admin, HttpMethod.Put, $"/api/residents/{id}", request, "\"0\""));
    }

    [Fact]
    public async Task OnlyAnAdminMayReadTheAuditLog()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await Clients.StatusAsync(gateway, DemoAccounts.Coordinator, HttpMethod.Get, "/api/admin/audit"));
        Assert.Equal(HttpStatusCode.BadRequest, await Clients.StatusAsync(gateway, DemoAccounts.Admin, HttpMethod.Get, "/api/admin/audit?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z"));
    }

    [Fact]
    public async Task InvalidResidentFieldsAreNamedInTheProblem()
    {
        var response = await Clients.SendAsync(gateway, DemoAccounts.Center, HttpMethod.Post, "/api/residents",
            new ResidentRequest("", "123", "abc", ["Rich"], 9, 100, 500, "", [], null));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        foreach (var field in new[] { "name", "idNumber", "phone", "needs", "careLevel", "homeLat", "homeLng", "address" })
            Assert.Contains($"\"{field}\"", body);
    }

    private async Task<ResidentDto> ReadAsync(string user)
    {
        var places = await Places.LoadAsync(gateway);
        var response = await Clients.SendAsync(gateway, user, HttpMethod.Get, $"/api/residents/{places.InWorkerGrid.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<ResidentDto>();
    }
}
