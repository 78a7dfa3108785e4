using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests.Hotline;

/// <summary>Hand-back and re-dispatch, the order of steps, supervision of an overdue order.</summary>
[Collection(HotlineCollection.Name)]
public sealed class WorkOrderFlowTests(HotlineFactory gateway)
{
    private const string Wenquan = "421202001000"; // 温泉街道: the "township" demo coordinator's
    private const string OtherTownship = "421202002000";

    [Fact]
    public async Task AnOrderHandedBackWithAReasonIsReDispatchedToAnotherUnit()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var wenquan = await gateway.SignedInClientAsync(DemoAccounts.TownshipCoordinator);
        var order = await agent.IntakeAsync(Wenquan);
        await agent.DispatchAsync(order.Id, HandlingUnitKind.Region, Wenquan);
        Assert.Contains(order.Id, (await wenquan.InboxAsync(HandlingUnitKind.Region, Wenquan)).Items.Select(o => o.Id)); // precondition

        var back = await wenquan.StepAsync(order.Id, "hand-back", new WorkOrderReasonRequest("地址属于横沟桥镇辖区"));
        Assert.Equal((WorkOrderStage.HandedBack, (string?)null), (back.Stage, back.UnitId));
        Assert.DoesNotContain(order.Id, (await wenquan.InboxAsync(HandlingUnitKind.Region, Wenquan)).Items.Select(o => o.Id));
        Assert.Contains(order.Id, await QueueAsync(agent));

        var again = await agent.DispatchAsync(order.Id, HandlingUnitKind.Region, OtherTownship);
        Assert.Equal((WorkOrderStage.Dispatched, OtherTownship), (again.Stage, again.UnitId));
        Assert.DoesNotContain(order.Id, await QueueAsync(agent));
        Assert.Contains(again.History, e => e.Action == "handed-back" && e.Detail!.Contains("地址属于横沟桥镇辖区"));
        var county = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        Assert.Contains(order.Id, (await county.InboxAsync(HandlingUnitKind.Region, OtherTownship)).Items.Select(o => o.Id));
        // The unit that handed it back no longer acts on it.
        var refused = await wenquan.PostAsJsonAsync($"/api/hotline/orders/{order.Id}/sign-for", new { });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task StepsCannotBeSkippedAndAnOutOfOrderStepIsAConflict()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var order = await agent.IntakeAsync(Wenquan);
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);

        var signBeforeDispatch = await admin.PostAsJsonAsync($"/api/hotline/orders/{order.Id}/sign-for", new { });
        Assert.Equal(HttpStatusCode.Conflict, signBeforeDispatch.StatusCode);
        Assert.Equal("application/problem+json", signBeforeDispatch.Content.Headers.ContentType?.MediaType);
        await agent.DispatchAsync(order.Id, HandlingUnitKind.Region, Wenquan);
        var answerBeforeSignFor = await admin.PostAsJsonAsync($"/api/hotline/orders/{order.Id}/answer", new AnswerWorkOrderRequest("已处理"));
        Assert.Equal(HttpStatusCode.Conflict, answerBeforeSignFor.StatusCode);
        var callbackBeforeAnswer = await agent.PostAsJsonAsync($"/api/hotline/orders/{order.Id}/callback",
            new WorkOrderCallbackRequest(Satisfaction.Satisfied, true, null), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, callbackBeforeAnswer.StatusCode);
        Assert.Equal(WorkOrderStage.Dispatched, (await admin.GetOrderAsync(order.Id)).Stage);
    }

    [Fact]
    public async Task AnOrderNotSignedForInTimeGoesToSupervision()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var order = await agent.IntakeAsync(HotlineFactory.DrillTownship);
        var dispatched = await agent.DispatchAsync(order.Id, HandlingUnitKind.Region, HotlineFactory.DrillTownship);
        Assert.Equal(0, dispatched.Supervisions); // precondition: nothing overdue yet
        Assert.True(dispatched.SignForDue < DateTimeOffset.UtcNow.AddMinutes(1), "the drill clock should give seconds, not days");

        WorkOrderSummaryDto? supervised = null;
        for (var until = DateTime.UtcNow.AddSeconds(120); supervised is null && DateTime.UtcNow < until; await Task.Delay(1000))
        {
            var board = await (await agent.GetAsync($"/api/hotline/supervision?region={HotlineFactory.DrillCounty}&pageSize=100")).ReadAsync<Page<WorkOrderSummaryDto>>();
            supervised = board.Items.SingleOrDefault(o => o.Id == order.Id && o.Supervisions > 0);
        }

        Assert.NotNull(supervised);
        var history = (await agent.GetOrderAsync(order.Id)).History;
        Assert.Contains(history, e => e.Action == "supervised" && e.Actor == "system" && e.Detail!.Contains("not signed for"));
        // The unit's head hears of it in the township's inbox.
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var notices = await (await admin.GetAsync($"/api/notifications?region={HotlineFactory.DrillTownship}&pageSize=100")).ReadAsync<Page<NotificationDto>>();
        Assert.Contains(notices.Items, n => n.TaskId == order.Id && n.Kind == "supervision");
    }

    [Fact]
    public async Task AnOrderSignedForButNotAnsweredInTimeGoesToSupervision()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var order = await agent.IntakeAsync(HotlineFactory.DrillTownship);
        await agent.DispatchAsync(order.Id, HandlingUnitKind.Region, HotlineFactory.DrillTownship);
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var signed = await admin.StepAsync(order.Id, "sign-for");
        Assert.Equal(WorkOrderStage.SignedFor, signed.Stage); // precondition: the sign-for clock is satisfied

        WorkOrderDto? supervised = null;
        for (var until = DateTime.UtcNow.AddSeconds(120); supervised is null && DateTime.UtcNow < until; await Task.Delay(1000))
        {
            var now = await admin.GetOrderAsync(order.Id);
            if (now.History.Any(e => e.Action == "supervised" && e.Detail!.Contains("not answered"))) supervised = now;
        }

        Assert.NotNull(supervised);
        Assert.Equal(WorkOrderStage.SignedFor, supervised.Stage);
        Assert.True(supervised.Supervisions >= 1);
    }

    [Fact]
    public async Task AnOrderPlacedOutsideTheCityIsRefused()
    {
        var response = await gateway.CreateClient().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = HotlineFactory.ApiKey, ["service_code"] = "road-damage", ["lat"] = "39.9", ["long"] = "116.4",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("outside Xianning", await response.Content.ReadAsStringAsync());
    }

    private static async Task<IEnumerable<string>> QueueAsync(HttpClient agent) =>
        (await (await agent.GetAsync("/api/hotline/queue?pageSize=100")).ReadAsync<Page<WorkOrderSummaryDto>>()).Items.Select(o => o.Id);
}
