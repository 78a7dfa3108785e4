using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests.Hotline;

/// <summary>Re-opening an order the caller was not satisfied with; who sees the caller; every step in the audit log.</summary>
[Collection(HotlineCollection.Name)]
public sealed class WorkOrderAuditTests(HotlineFactory gateway)
{
    private const string Wenquan = "421202001000";

    [Fact]
    public async Task ANotSatisfiedOrderIsReopenedToItsUnitAndEveryStepAndCallerReadIsAudited()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var unit = await gateway.SignedInClientAsync(DemoAccounts.TownshipCoordinator);
        var order = await agent.IntakeAsync(Wenquan);
        Assert.Equal("13800000000", order.CallerPhone); // precondition: the center sees the caller
        await agent.DispatchAsync(order.Id, HandlingUnitKind.Region, Wenquan);
        var signed = await unit.StepAsync(order.Id, "sign-for");
        Assert.Null(signed.CallerPhone); // the unit does not
        await unit.StepAsync(order.Id, "answer", new AnswerWorkOrderRequest("已清运"));
        var reopenBeforeCallback = await agent.PostAsJsonAsync($"/api/hotline/orders/{order.Id}/reopen", new WorkOrderReasonRequest("仍未清运"));
        Assert.Equal(HttpStatusCode.Conflict, reopenBeforeCallback.StatusCode); // answered, not yet closed
        var closed = await agent.StepAsync(order.Id, "callback", new WorkOrderCallbackRequest(Satisfaction.Dissatisfied, false, "垃圾又堆起来了"));
        Assert.Equal(WorkOrderStage.Closed, closed.Stage);

        var reopened = await agent.StepAsync(order.Id, "reopen", new WorkOrderReasonRequest("来电人反映仍未清运"));

        Assert.Equal((WorkOrderStage.Dispatched, Wenquan, (Satisfaction?)null), (reopened.Stage, reopened.UnitId, reopened.Rating));
        Assert.True(reopened.SignForDue >= signed.SignForDue);
        Assert.Contains(order.Id, (await unit.InboxAsync(HandlingUnitKind.Region, Wenquan)).Items.Select(o => o.Id));

        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var audit = await (await admin.GetAsync($"/api/admin/audit?subject={order.Id}&pageSize=200")).ReadAsync<Page<AuditEntryDto>>();
        var actions = audit.Items.Select(e => (e.Action, e.Actor)).ToList();
        foreach (var expected in new[] { ("workorder.create", "databureau"), ("workorder.dispatch", "databureau"), ("workorder.signfor", "township"),
                     ("workorder.answer", "township"), ("workorder.callback", "databureau"), ("workorder.reopen", "databureau"), ("workorder.caller.read", "databureau") })
            Assert.Contains(expected, actions);
        Assert.DoesNotContain(("workorder.caller.read", "township"), actions);
        Assert.All(audit.Items, e => Assert.DoesNotContain("13800000000", e.Details ?? ""));
    }
}
