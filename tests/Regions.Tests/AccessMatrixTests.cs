using System.Net;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Regions.Tests;

/// <summary>
/// Every resident and worker endpoint, for every demo role, on a subject inside and outside the
/// caller's grids or region: allowed means 2xx, refused means 403 problem, never a leak.
/// Subjects: W = resident in the worker's grid (V1-G01), V = resident in V1's other grids,
/// O = resident in another township of 咸安区.
/// </summary>
[Collection(RegionsCollection.Name)]
public sealed class AccessMatrixTests(GatewayFactory gateway)
{
    public static readonly TheoryData<string, string, bool> ResidentReads = Matrix(new()
    {
        [DemoAccounts.Admin] = "WVO", [DemoAccounts.Coordinator] = "WVO", [DemoAccounts.TownshipCoordinator] = "WV",
        [DemoAccounts.Center] = "WV", [DemoAccounts.Worker] = "W", [DemoAccounts.OtherCoordinator] = "",
        [DemoAccounts.Resident] = "", [DemoAccounts.Department] = "", [DemoAccounts.DataBureau] = "",
    });

    public static readonly TheoryData<string, string, bool> ResidentWrites = Matrix(new()
    {
        [DemoAccounts.Admin] = "WVO", [DemoAccounts.Coordinator] = "WVO", [DemoAccounts.TownshipCoordinator] = "WV",
        [DemoAccounts.Center] = "WV", [DemoAccounts.Worker] = "", [DemoAccounts.OtherCoordinator] = "",
        [DemoAccounts.Resident] = "", [DemoAccounts.Department] = "", [DemoAccounts.DataBureau] = "",
    });

    [Theory, MemberData(nameof(ResidentReads))]
    public async Task AResidentsRecordIsReadableOnlyInsideTheCallersScope(string user, string subject, bool allowed)
    {
        var id = (await ResidentAsync(subject)).Id;
        await AssertAccessAsync(allowed, await Clients.SendAsync(gateway, user, HttpMethod.Get, $"/api/residents/{id}"));
    }

    [Theory, MemberData(nameof(ResidentReads))]
    public async Task AResidentsVisitsAreReadableAndRecordableOnlyInsideTheCallersScope(string user, string subject, bool allowed)
    {
        var id = (await ResidentAsync(subject)).Id;
        await AssertAccessAsync(allowed, await Clients.SendAsync(gateway, user, HttpMethod.Get, $"/api/residents/{id}/visits"));
        await AssertAccessAsync(allowed, await Clients.SendAsync(gateway, user, HttpMethod.Post, $"/api/residents/{id}/visits", new VisitRequest(null, "phone-call", null)));
    }

    [Theory, MemberData(nameof(ResidentReads))]
    public async Task ResidentSearchCoversOnlyTheCallersScopeAndNeverLeaks(string user, string subject, bool allowed)
    {
        var places = await Places.LoadAsync(gateway);
        var resident = await ResidentAsync(subject);
        var region = subject == "O" ? places.Other : places.V1;
        var response = await Clients.SendAsync(gateway, user, HttpMethod.Get, $"/api/residents?region={region}&grid={resident.GridId}&pageSize=100");
        await AssertAccessAsync(allowed, response);
        if (allowed) Assert.Contains((await response.ReadAsync<Page<ResidentSummaryDto>>()).Items, r => r.Id == resident.Id);
    }

    [Theory, MemberData(nameof(ResidentWrites))]
    public async Task AResidentCanBeChangedOnlyByTheCenterACoordinatorAboveOrAnAdmin(string user, string subject, bool allowed)
    {
        var id = (await ResidentAsync(subject)).Id;
        var read = await Clients.SendAsync(gateway, DemoAccounts.Admin, HttpMethod.Get, $"/api/residents/{id}");
        var current = await read.ReadAsync<ResidentDto>();
        var request = new ResidentRequest(current.Name, current.IdNumber, current.Phone, current.Needs, current.CareLevel,
            current.HomeLat, current.HomeLng, current.Address, current.Proxies, null);

        await AssertAccessAsync(allowed, await Clients.SendAsync(gateway, user, HttpMethod.Put, $"/api/residents/{id}", request, read.Headers.ETag!.Tag));
    }

    [Theory, MemberData(nameof(ResidentWrites))]
    public async Task AResidentCanBeRegisteredOnlyInsideTheCallersRegion(string user, string subject, bool allowed)
    {
        var places = await Places.LoadAsync(gateway);
        var grid = subject switch { "W" => places.V1 + "-G01", "V" => places.V1 + "-G03", _ => places.Other + "-G01" };
        var (lat, lng) = places.Inside(grid);
        var request = new ResidentRequest("测试居民", "42120219450101123" + Grid.Grains.Seeding.IdNumbers.CheckDigit("42120219450101123"), "13900001111", ["Aged"], 1, lat, lng, "咸安区测试地址1号", [], new ConsentRequest(true, "assisted-agency"));

        var response = await Clients.SendAsync(gateway, user, HttpMethod.Post, "/api/residents", request);

        await AssertAccessAsync(allowed, response);
        if (allowed) Assert.Equal(grid, (await response.ReadAsync<ResidentDto>()).GridId);
    }

    public static readonly TheoryData<string, string, bool> WorkerReads = Matrix(new()
    {
        [DemoAccounts.Admin] = "VO", [DemoAccounts.Coordinator] = "VO", [DemoAccounts.TownshipCoordinator] = "V",
        [DemoAccounts.Center] = "V", [DemoAccounts.Worker] = "V", [DemoAccounts.OtherCoordinator] = "",
        [DemoAccounts.Resident] = "", [DemoAccounts.Department] = "", [DemoAccounts.DataBureau] = "",
    }, "VO");

    public static readonly TheoryData<string, string, bool> WorkerWrites = Matrix(new()
    {
        [DemoAccounts.Admin] = "VO", [DemoAccounts.Coordinator] = "VO", [DemoAccounts.TownshipCoordinator] = "V",
        [DemoAccounts.Center] = "V", [DemoAccounts.Worker] = "", [DemoAccounts.OtherCoordinator] = "",
        [DemoAccounts.Resident] = "", [DemoAccounts.Department] = "", [DemoAccounts.DataBureau] = "",
    }, "VO");

    [Theory, MemberData(nameof(WorkerReads))]
    public async Task AWorkersRecordAndSearchAreOpenOnlyInsideTheCallersRegion(string user, string village, bool allowed)
    {
        var code = await VillageAsync(village);
        await AssertAccessAsync(allowed, await Clients.SendAsync(gateway, user, HttpMethod.Get, $"/api/workers/{code}-W02"));
        await AssertAccessAsync(allowed, await Clients.SendAsync(gateway, user, HttpMethod.Get, $"/api/workers?region={code}"));
    }

    [Theory, MemberData(nameof(WorkerWrites))]
    public async Task WorkersAreRegisteredAndChangedOnlyInsideTheCallersRegion(string user, string village, bool allowed)
    {
        var code = await VillageAsync(village);
        var read = await Clients.SendAsync(gateway, DemoAccounts.Admin, HttpMethod.Get, $"/api/workers/{code}-P01");
        var w = await read.ReadAsync<WorkerDto>();
        var request = new WorkerRequest(w.Name, w.Role, w.VillageCode, w.Grids, w.Skills, w.DailyCapacity, w.WorkStart, w.WorkEnd, w.Phone, w.Active, w.Lat, w.Lng);

        await AssertAccessAsync(allowed, await Clients.SendAsync(gateway, user, HttpMethod.Put, $"/api/workers/{code}-P01", request, read.Headers.ETag!.Tag));
        await AssertAccessAsync(allowed, await Clients.SendAsync(gateway, user, HttpMethod.Post, "/api/workers", request with { Name = "新志愿者", Role = "Volunteer" }));
    }

    private async Task<string> VillageAsync(string which)
    {
        var places = await Places.LoadAsync(gateway);
        return which == "V" ? places.V1 : places.Other;
    }

    private async Task<Grid.Grains.People.ResidentSummary> ResidentAsync(string subject)
    {
        var places = await Places.LoadAsync(gateway);
        return subject switch { "W" => places.InWorkerGrid, "V" => places.InV1OtherGrid, _ => places.InOther };
    }

    private static async Task AssertAccessAsync(bool allowed, HttpResponseMessage response)
    {
        if (allowed)
        {
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return;
        }
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("idNumber", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"phone\"", body, StringComparison.OrdinalIgnoreCase);
    }

    private static TheoryData<string, string, bool> Matrix(Dictionary<string, string> allowed, string subjects = "WVO")
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (user, scope) in allowed)
            foreach (var subject in subjects)
                data.Add(user, subject.ToString(), scope.Contains(subject));
        return data;
    }
}
