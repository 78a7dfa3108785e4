using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Grains.Catalog;
using Grid.Grains.Delegation;
using Grid.Grains.Evaluations;
using Grid.Grains.Geography;
using Grid.Grains.People;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Stage = Grid.Contracts.TaskStage;

namespace Grid.Dispatch.Tests;

/// <summary>Dispatch wired to the other features: evaluations (好差评), the catalog's request volume and boundary changes.</summary>
[Collection(DispatchCollection.Name)]
public sealed class IntegrationTests(DispatchGateway factory)
{
    private readonly DispatchWorld _world = new(factory);

    private static TaskActionDto Step() => new(Guid.NewGuid().ToString());

    [Fact]
    public async Task ACompletedRequestRatedDissatisfiedThroughItsQrLinkShowsOnTheCoordinatorsRectificationList()
    {
        var village = await _world.FreshVillageAsync();
        var resident = (await _world.Grains.GetGrain<IResidentGrain>((await _world.ResidentsAsync(village))[3].Id).GetAsync())!;
        var center = await _world.CenterAsync(village);
        var request = await (await center.RequestAsync(new CreateRequestDto(resident.Id, RequestTests.Item))).OkAsync<RequestDto>();
        var worker = await _world.WorkerAsync(request.WorkerId!);
        await (await worker.ActAsync(request.Id, "accept", Step())).OkAsync<TaskDto>();
        await (await worker.ActAsync(request.Id, "check-in", Step() with { Lat = resident.HomeLat, Lng = resident.HomeLng })).OkAsync<TaskDto>();
        var done = await (await worker.ActAsync(request.Id, "complete", Step() with { Outcome = "已代办" })).OkAsync<TaskDto>();

        var record = await (await center.GetAsync($"/api/service-records/{request.Id}")).OkAsync<ServiceRecordDto>();
        // The worker gets no link; the resident's arrives by SMS (queued for the SMS gateway).
        var workerLink = await worker.PostAsync($"/api/service-records/{request.Id}/qr-token", null);
        var sms = (await _world.Grains.GetGrain<IOutgoingSmsGrain>(village).PendingAsync(500)).First(m => m.RecordId == request.Id && m.Phone == resident.Phone);
        var token = sms.Text[(sms.Text.IndexOf("/rate/", StringComparison.Ordinal) + 6)..];
        var link = "/api/public/evaluations/qr/" + token;
        var stored = StoredRows("sms-outbox", village);
        var rated = await factory.CreateClient().PostAsJsonAsync(link, new QrEvaluationRequest(Satisfaction.Dissatisfied, null, "办得太慢"), Json.Options);

        Assert.Equal(Stage.Completed, done.Stage);
        Assert.Equal(HttpStatusCode.Forbidden, workerLink.StatusCode);
        // The queued text is sealed at rest: the stored rows hold neither the resident's phone nor the link.
        Assert.NotEmpty(stored);
        Assert.All(stored, row => Assert.Contains(PersonalDataProtector.Prefix, row));
        Assert.DoesNotContain(stored, row => row.Contains(resident.Phone, StringComparison.Ordinal) || row.Contains(token, StringComparison.Ordinal));
        Assert.Equal((ServiceRecordKind.AssistedAgencyTask, request.WorkerId, RequestTests.Item, village, resident.Id),
            (record.Kind, record.StaffId, record.ItemCode, record.VillageCode, record.ResidentId));
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        var evaluation = await rated.OkAsync<EvaluationDto>();
        using var coordinator = await factory.SignedInClientAsync(DemoAccounts.Coordinator);
        var list = await (await coordinator.GetAsync("/api/rectifications?pageSize=100")).OkAsync<Page<RectificationSummaryDto>>();
        var item = Assert.Single(list.Items, r => r.RecordId == request.Id);
        var reviewDay = DateOnly.FromDateTime(evaluation.EvaluatedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        Assert.Equal(new DateTimeOffset(reviewDay.AddDays(8).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), item.DueAt);
        Assert.Equal((Satisfaction.Dissatisfied, village), (item.Level, item.VillageCode));
    }

    [Fact]
    public async Task RequestsOnThePlatformDecideTheFrequencyClassOfADelegationProposal()
    {
        const string itemCode = "MZ-GF-008";
        var village = await _world.FreshVillageAsync();
        var residents = await _world.ResidentsAsync(village);
        var center = await _world.CenterAsync(village);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await center.RequestAsync(new CreateRequestDto(residents[i].Id, itemCode))).StatusCode);

        using var department = await factory.SignedInClientAsync(DemoAccounts.Department);
        var response = await department.PostAsJsonAsync($"/api/delegation/regions/{RegionCodes.TownshipOf(village)}/proposals",
            new ProposalDraft(itemCode, DelegationChange.Add, ServiceLevel.Township, null, "群众需求强烈", FrequencyClass.High), Json.Options);

        var proposal = await response.OkAsync<DelegationProposal>();
        Assert.Equal(("platform-requests", FrequencyClass.Medium, (long?)3), (proposal.Frequency.Source, proposal.Frequency.Class, proposal.Frequency.Requests));
    }

    [Fact]
    public async Task MovingAGridToAnotherVillageListsItsOpenTaskInTheDryRunAndTheTaskFollowsTheGrid()
    {
        var (x, y) = await NeighbouringVillagesAsync();
        var resident = (await _world.ResidentsAsync(x))[0];
        var request = await (await (await _world.CenterAsync(x)).RequestAsync(new CreateRequestDto(resident.Id, RequestTests.Item))).OkAsync<RequestDto>();
        using var coordinator = await factory.SignedInClientAsync(DemoAccounts.Coordinator);

        var plan = await (await coordinator.PostAsJsonAsync("/api/boundary-changes", new BoundaryChangeRequest(resident.GridId, y, null), Json.Options))
            .OkAsync<BoundaryChangeDto>();
        var beforeApply = await TaskAsync(request.Id);
        await (await coordinator.PostAsync($"/api/boundary-changes/{plan.Id}/apply", null)).OkAsync<BoundaryChangeDto>();
        await (await coordinator.PostAsync($"/api/boundary-changes/{plan.Id}/apply", null)).OkAsync<BoundaryChangeDto>();
        var moved = await TaskAsync(request.Id);

        Assert.Equal(new BoundaryTaskMoveDto(request.Id, resident.GridId, plan.NewGridId), Assert.Single(plan.Tasks));
        Assert.Equal((resident.GridId, x), (beforeApply.GridId, beforeApply.VillageCode));
        Assert.Equal((plan.NewGridId, y), (moved.GridId, moved.VillageCode));
        Assert.Single(moved.History, e => e.Action == "moved-with-grid");
        Assert.Contains(await _world.Grains.GetGrain<Grid.Grains.Dispatch.IVillageTasksGrain>(y).ListAsync(), t => t.TaskId == request.Id && t.GridId == plan.NewGridId);
        Assert.DoesNotContain(await _world.Grains.GetGrain<Grid.Grains.Dispatch.IVillageTasksGrain>(x).ListAsync(), t => t.TaskId == request.Id);
    }

    private async Task<TaskDto> TaskAsync(string id)
    {
        using var admin = await _world.AdminAsync();
        return await (await admin.GetAsync($"/api/tasks/{id}")).OkAsync<TaskDto>();
    }

    private List<string> StoredRows(string kind, string owner)
    {
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(factory.DataPath, Grid.Storage.GridStorage.SqliteFileName)};Mode=ReadOnly");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT Payload FROM GridGrainRow WHERE Kind = $kind AND Owner = $owner";
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$owner", owner);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }

    /// <summary>Two touching villages of 咸安区 from the end of the list, away from the villages the other tests take.</summary>
    private async Task<(string X, string Y)> NeighbouringVillagesAsync()
    {
        var model = await factory.Services.GetRequiredService<GeographySource>().GetAsync();
        var villages = model.Villages.Keys
            .Where(c => c.StartsWith("421202", StringComparison.Ordinal) && !c.StartsWith("421202001", StringComparison.Ordinal))
            .OrderDescending(StringComparer.Ordinal).ToList();
        return villages.SelectMany(x => villages.Where(y => y != x && model.Villages[x].Touches(model.Villages[y])).Select(y => (x, y))).First();
    }
}

internal static class IntegrationHttp
{
    public static async Task<T> OkAsync<T>(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json.Options))!;
    }

}
