using System.Net;
using System.Text.Json;
using Grid.Contracts;
using Grid.Grains.Dispatch;
using Grid.Testing;

namespace Grid.Dispatch.Tests;

[Collection(DispatchCollection.Name)]
public sealed class RequestTests(DispatchGateway factory)
{
    private readonly DispatchWorld _world = new(factory);

    /// <summary>A catalog item with no required skills (家庭经济困难学生资助申请), so any worker of the village may take it.</summary>
    public const string Item = "JY-GF-001";

    [Fact]
    public async Task AResidentsRequestIsAssignedAtOnceToAWorkerOfTheirVillageWithAReadableReason()
    {
        var village = await _world.FreshVillageAsync();
        var resident = (await _world.ResidentsAsync(village))[0];
        using var client = await _world.ResidentAsync(resident.Id);

        var response = await client.RequestAsync(new CreateRequestDto(resident.Id, Item));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var request = await response.ReadAsync<RequestDto>();
        Assert.Equal(Grid.Contracts.TaskStage.Offered, request.Stage);
        Assert.StartsWith(village, request.WorkerId);
        Assert.Matches(@"^(本网格|邻近网格), (已走访 \d+ 次|未走访), [\d.]+ (米|公里)$", request.Reason);
        Assert.Equal(Grid.Contracts.RequesterKind.Resident, request.RequestedAs);
        Assert.Equal($"/api/requests/{request.Id}", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task TheCatalogItemsRequiredSkillsDecideWhoMayTakeIt()
    {
        var village = await _world.FreshVillageAsync();
        var resident = (await _world.ResidentsAsync(village))[6];
        using var center = await _world.CenterAsync(village);

        var request = await (await center.RequestAsync(new CreateRequestDto(resident.Id, "CL-GG-001"))).ReadAsync<RequestDto>();
        var task = await _world.Grains.GetGrain<ITaskGrain>(request.Id).GetAsync();

        Assert.Equal(["disability"], task!.Draft.Skills);
        if (request.WorkerId is { } worker)
            Assert.Contains("disability", (await _world.Grains.GetGrain<Grid.Grains.People.IWorkerGrain>(worker).GetAsync())!.Skills);
        else Assert.Equal(Grid.Contracts.TaskStage.Queued, request.Stage);
    }

    [Fact]
    public async Task RetryingWithTheSameIdempotencyKeyReturnsTheSameRequestAndMakesOneTask()
    {
        var village = await _world.FreshVillageAsync();
        var resident = (await _world.ResidentsAsync(village))[1];
        using var client = await _world.ResidentAsync(resident.Id);
        // Routine, not Urgent: an urgent 4-hour window at night has no worker on duty, and this test is about retries.
        var body = new CreateRequestDto(resident.Id, Item);

        var first = await (await client.RequestAsync(body, "phone-retry-1")).ReadAsync<RequestDto>();
        var again = await client.RequestAsync(body, "phone-retry-1");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.Id, (await again.ReadAsync<RequestDto>()).Id);
        var board = await _world.Grains.GetGrain<IVillageTasksGrain>(village).ListAsync();
        Assert.Single(board, t => t.ResidentId == resident.Id);
        var inbox = await _world.Grains.GetGrain<IWorkerTasksGrain>(first.WorkerId!).ListAsync();
        Assert.Single(inbox, t => t.TaskId == first.Id);
    }

    [Fact]
    public async Task ReusingAnIdempotencyKeyForADifferentRequestIsAConflict()
    {
        var village = await _world.FreshVillageAsync();
        var resident = (await _world.ResidentsAsync(village))[2];
        using var client = await _world.ResidentAsync(resident.Id);
        await client.RequestAsync(new CreateRequestDto(resident.Id, Item), "reused-key");

        var response = await client.RequestAsync(new CreateRequestDto(resident.Id, "NY-GF-001"), "reused-key");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ARequestNobodyCanServeWaitsInTheVillageQueueAndTheCenterIsTold()
    {
        var village = await _world.FreshVillageAsync();
        var resident = (await _world.ResidentsAsync(village))[3];
        using var center = await _world.CenterAsync(village);

        var request = await (await center.RequestAsync(new CreateRequestDto(resident.Id, Item, Skills: ["sign-language"]))).ReadAsync<RequestDto>();

        Assert.Equal(Grid.Contracts.TaskStage.Queued, request.Stage);
        Assert.Null(request.WorkerId);
        var notes = await (await center.GetAsync("/api/notifications")).ReadAsync<Page<NotificationDto>>();
        Assert.Contains(notes.Items, n => n.Kind == "queued" && n.TaskId == request.Id);
        var queue = await (await center.GetAsync("/api/tasks?stage=Queued")).ReadAsync<Page<TaskListItemDto>>();
        Assert.Contains(queue.Items, t => t.Id == request.Id);
    }

    [Fact]
    public async Task AHotlineOperatorAsksForAResidentAndAFamilyProxyMustBeOneTheResidentRegistered()
    {
        var village = await _world.FreshVillageAsync();
        var resident = (await _world.ResidentsAsync(village))[4];
        using var center = await _world.CenterAsync(village);

        var hotline = await (await center.RequestAsync(new CreateRequestDto(resident.Id, Item))).ReadAsync<RequestDto>();
        var stranger = await center.RequestAsync(new CreateRequestDto(resident.Id, Item, ProxyName: "不相干的人"));

        Assert.Equal((Grid.Contracts.RequesterKind.HotlineOperator, Grid.Contracts.RequestChannel.Hotline), (hotline.RequestedAs, hotline.Channel));
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.True((await ErrorsAsync(stranger)).TryGetProperty("proxyName", out _));
    }

    [Fact]
    public async Task AResidentMayNotAskOnAnotherResidentsBehalf()
    {
        var village = await _world.FreshVillageAsync();
        var residents = await _world.ResidentsAsync(village);
        using var client = await _world.ResidentAsync(residents[0].Id);

        var response = await client.RequestAsync(new CreateRequestDto(residents[1].Id, Item));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task BadFieldsAreRefusedWithAProblemNamingTheField()
    {
        var village = await _world.FreshVillageAsync();
        var resident = (await _world.ResidentsAsync(village))[5];
        using var center = await _world.CenterAsync(village);
        var now = DateTimeOffset.UtcNow;

        var badItem = await center.RequestAsync(new CreateRequestDto(resident.Id, "!!"));
        var notInCatalog = await center.RequestAsync(new CreateRequestDto(resident.Id, "XX-GG-999"));
        var badWindow = await center.RequestAsync(new CreateRequestDto(resident.Id, Item, WindowStart: now.AddHours(5), WindowEnd: now.AddHours(1)));
        var noResident = await center.RequestAsync(new CreateRequestDto(village + "-R999", Item));

        Assert.True((await ErrorsAsync(badItem)).TryGetProperty("itemCode", out _));
        Assert.True((await ErrorsAsync(notInCatalog)).TryGetProperty("itemCode", out _));
        Assert.True((await ErrorsAsync(badWindow)).TryGetProperty("windowEnd", out _));
        Assert.True((await ErrorsAsync(noResident)).TryGetProperty("residentId", out _));
    }

    internal static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("errors").Clone();
    }
}
