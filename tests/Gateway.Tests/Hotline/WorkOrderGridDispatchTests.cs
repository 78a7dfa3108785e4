using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Grains.People;
using Grid.Grains.Regions;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Gateway.Tests.Hotline;

/// <summary>
/// An assisted-agency order dispatched straight to a grid worker through the request intake, answered
/// once the worker completes the task; its callback's bad rating enters 好差评 (record, rectification, statistics).
/// </summary>
[Collection(HotlineCollection.Name)]
public sealed class WorkOrderGridDispatchTests(HotlineFactory gateway)
{
    private const string Wenquan = "421202001000";
    private const string Item = "JY-GF-001";

    [Fact]
    public async Task AnOrderDispatchedToTheGridIsAnsweredOnceItsTaskIsCompletedAndItsBadRatingOpensARectification()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var village = await VillageAsync();
        var (order, request) = await DispatchedToAWorkerAsync(agent, admin, village);
        Assert.Equal((WorkOrderStage.HandledByGrid, order.TaskId, HandlingUnitKind.Region, village), (order.Stage, (string?)request.Id, order.UnitKind!.Value, order.UnitId));
        Assert.Equal(village, order.UnitId);
        Assert.Equal((RequestChannel.Hotline, RequesterKind.HotlineOperator, Item), (request.Channel, request.RequestedAs, request.ItemCode));
        Assert.Contains(order.Id, (await admin.InboxAsync(HandlingUnitKind.Region, village)).Items.Select(o => o.Id));

        var early = await admin.PostAsJsonAsync($"/api/hotline/orders/{order.Id}/answer", new AnswerWorkOrderRequest("已办"), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode); // the task is not completed yet

        await CompleteAsync(admin, request, village);
        var before = await StatisticsAsync(admin, village);
        var unit = await gateway.SignedInClientAsync(DemoAccounts.TownshipCoordinator);
        var answered = await unit.StepAsync(order.Id, "answer", new AnswerWorkOrderRequest("网格员已上门代办完成"));
        Assert.Equal(WorkOrderStage.Answered, answered.Stage);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/service-records/{order.Id}-R1")).StatusCode); // precondition: no record before the callback

        await agent.StepAsync(order.Id, "callback", new WorkOrderCallbackRequest(Satisfaction.VeryDissatisfied, false, "办理太慢"));

        var recordId = $"{order.Id}-R1";
        var record = await (await admin.GetAsync($"/api/service-records/{recordId}")).ReadAsync<ServiceRecordDto>();
        Assert.Equal((ServiceRecordKind.HotlineOrder, village), (record.Kind, record.HandledByUnitCode));
        var rectification = await (await admin.GetAsync($"/api/rectifications/{recordId}")).ReadAsync<RectificationDto>();
        Assert.Equal((RectificationState.Open, Satisfaction.VeryDissatisfied, village), (rectification.Status, rectification.Level, rectification.HandledByUnitCode));
        Assert.True(rectification.DueAt >= rectification.OpenedAt.AddDays(6), $"due {rectification.DueAt}, opened {rectification.OpenedAt}");
        var after = await StatisticsAsync(admin, village);
        Assert.Equal((before.Evaluations + 1, before.BadReviews + 1), (after.Evaluations, after.BadReviews));
    }

    [Fact]
    public async Task AnOrderWithoutACatalogItemDoesNotGoToTheGrid()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var order = await agent.IntakeAsync(Wenquan);
        Assert.Null(order.ItemCode); // precondition

        var response = await agent.PostAsJsonAsync($"/api/hotline/orders/{order.Id}/dispatch-to-grid", new GridDispatchRequest($"{await VillageAsync()}-R001", null), Json.Options);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var reread = await agent.GetOrderAsync(order.Id);
        Assert.Equal((WorkOrderStage.Received, (string?)null), (reread.Stage, reread.TaskId));
    }

    [Fact]
    public async Task AResidentOfAnotherTownshipIsRefusedAndNothingIsDispatched()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var grains = gateway.Services.GetRequiredService<IGrainFactory>();
        var township = (await grains.GetGrain<IRegionGrain>(GatewayFactory.SeededCounty).GetChildrenAsync()).Select(t => t.Code).First(c => c != Wenquan);
        var elsewhere = (await grains.GetGrain<IRegionGrain>(township).GetChildrenAsync()).Select(v => v.Code).Order(StringComparer.Ordinal).First();
        Assert.NotNull(await grains.GetGrain<IResidentGrain>($"{elsewhere}-R001").GetAsync()); // precondition: a real resident, of another township
        var order = await (await agent.PostAsJsonAsync("/api/hotline/orders", new WorkOrderIntakeRequest(WorkOrderChannel.Agent, "social-security",
            WorkOrderGrade.Request, Urgency.Routine, Item, "需要上门代办", null, null, "温泉街道", Wenquan, null, null), Json.Options)).ReadAsync<WorkOrderDto>(HttpStatusCode.Created);

        var response = await agent.PostAsJsonAsync($"/api/hotline/orders/{order.Id}/dispatch-to-grid", new GridDispatchRequest($"{elsewhere}-R001", null), Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("residentId", await response.Content.ReadAsStringAsync());
        var reread = await agent.GetOrderAsync(order.Id);
        Assert.Equal((WorkOrderStage.Received, (string?)null, 1), (reread.Stage, reread.TaskId, reread.Version));
    }

    /// <summary>The village's first residents in turn until dispatch finds one a worker (a worker's capacity is finite).</summary>
    private async Task<(WorkOrderDto Order, RequestDto Request)> DispatchedToAWorkerAsync(HttpClient agent, HttpClient admin, string village)
    {
        var grains = gateway.Services.GetRequiredService<IGrainFactory>();
        var residents = (await Task.WhenAll(Enumerable.Range(1, 10).Select(i => grains.GetGrain<IResidentGrain>($"{village}-R{i:000}").GetAsync()))).OfType<ResidentProfile>().ToList();
        Assert.NotEmpty(residents); // precondition: the seed has residents there
        foreach (var resident in residents)
        {
            var intake = await (await agent.PostAsJsonAsync("/api/hotline/orders", new WorkOrderIntakeRequest(WorkOrderChannel.Agent, "social-security",
                WorkOrderGrade.Request, Urgency.Routine, Item, "老人行动不便, 需要上门代办", null, null, "温泉街道", Wenquan, "王五", "13700000000"), Json.Options))
                .ReadAsync<WorkOrderDto>(HttpStatusCode.Created);
            var order = await agent.StepAsync(intake.Id, "dispatch-to-grid", new GridDispatchRequest(resident.Id, "请网格员上门"));
            var request = await (await admin.GetAsync($"/api/requests/{order.TaskId}")).ReadAsync<RequestDto>();
            if (request.WorkerId is not null) return (order, request);
        }
        throw new InvalidOperationException($"No resident of {village} got a worker.");
    }

    private async Task CompleteAsync(HttpClient admin, RequestDto request, string village)
    {
        var user = $"wo-worker-{request.WorkerId}".ToLowerInvariant();
        (await admin.PutAsJsonAsync($"/api/admin/accounts/{user}", new CreateAccountRequest(user, user, "grid-dispatch-test-pw", Roles.Worker, village, request.WorkerId))).EnsureSuccessStatusCode();
        var worker = await gateway.SignedInClientAsync(user, "grid-dispatch-test-pw");
        var resident = (await gateway.Services.GetRequiredService<IGrainFactory>().GetGrain<IResidentGrain>(request.ResidentId).GetAsync())!;
        foreach (var (step, body) in new[] { ("accept", new TaskActionDto()), ("check-in", new TaskActionDto { Lat = resident.HomeLat, Lng = resident.HomeLng }), ("complete", new TaskActionDto { Outcome = "已代办" }) })
            await (await worker.PostAsJsonAsync($"/api/tasks/{request.Id}/{step}", body with { ActionId = Guid.NewGuid().ToString() }, Json.Options)).ReadAsync<TaskDto>();
    }

    private static async Task<StatisticsDto> StatisticsAsync(HttpClient admin, string village) =>
        await (await admin.GetAsync($"/api/statistics/village/{village}")).ReadAsync<StatisticsDto>();

    /// <summary>温泉街道's first village (the demo center's): seeded with people.</summary>
    private async Task<string> VillageAsync() =>
        (await gateway.Services.GetRequiredService<IGrainFactory>().GetGrain<IRegionGrain>(Wenquan).GetChildrenAsync()).Select(v => v.Code).Order(StringComparer.Ordinal).First();
}
