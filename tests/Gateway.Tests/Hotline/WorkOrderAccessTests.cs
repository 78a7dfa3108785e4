using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests.Hotline;

/// <summary>Who may act on an order follows its handling unit; an extension is decided once, and a refusal leaves the clock.</summary>
[Collection(HotlineCollection.Name)]
public sealed class WorkOrderAccessTests(HotlineFactory gateway)
{
    private const string Wenquan = "421202001000";

    [Fact]
    public async Task OnlyTheUnitsOwnStaffTakeItsStepsAndOthersAreRefused()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var order = await agent.IntakeAsync(Wenquan);
        await agent.DispatchAsync(order.Id, HandlingUnitKind.Region, Wenquan);
        var tongcheng = await gateway.SignedInClientAsync(DemoAccounts.OtherCoordinator);
        var department = await gateway.SignedInClientAsync(DemoAccounts.Department);
        var worker = await gateway.SignedInClientAsync(DemoAccounts.Worker);

        Assert.Equal(HttpStatusCode.Forbidden, (await tongcheng.GetAsync($"/api/hotline/orders/{order.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tongcheng.PostAsJsonAsync($"/api/hotline/orders/{order.Id}/sign-for", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsJsonAsync($"/api/hotline/orders/{order.Id}/sign-for", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/hotline/orders/{order.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tongcheng.GetAsync($"/api/hotline/units/Region/{Wenquan}/inbox")).StatusCode);
        // The unit itself may: the township's coordinator signs for it.
        var signed = await (await gateway.SignedInClientAsync(DemoAccounts.TownshipCoordinator)).StepAsync(order.Id, "sign-for");
        Assert.Equal(WorkOrderStage.SignedFor, signed.Stage);
    }

    [Fact]
    public async Task ARefusedExtensionLeavesTheAnswerDeadlineAndOnlyOneWaitsAtATime()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var unit = await gateway.SignedInClientAsync(DemoAccounts.TownshipCoordinator);
        var order = await agent.IntakeAsync(Wenquan);
        await agent.DispatchAsync(order.Id, HandlingUnitKind.Region, Wenquan);
        var signed = await unit.StepAsync(order.Id, "sign-for");
        var asked = await unit.StepAsync(order.Id, "extension", new ExtensionRequestDto(2, "需要现场勘查"));
        Assert.Equal(2, asked.PendingExtension!.WorkingDays); // precondition

        var second = await unit.PostAsJsonAsync($"/api/hotline/orders/{order.Id}/extension", new ExtensionRequestDto(1, "再延一天"));
        var unreasoned = await agent.PostAsJsonAsync($"/api/hotline/orders/{order.Id}/extension/decision", new ExtensionDecisionRequest(false, null));
        var refused = await agent.StepAsync(order.Id, "extension/decision", new ExtensionDecisionRequest(false, "勘查可在时限内完成"));

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.BadRequest), (second.StatusCode, unreasoned.StatusCode));
        Assert.Equal((signed.AnswerDue, 0, (PendingExtensionDto?)null), (refused.AnswerDue, refused.Extensions, refused.PendingExtension));
        Assert.Contains(refused.History, e => e.Action == "extension-refused");
        Assert.Equal(HttpStatusCode.Conflict, (await agent.PostAsJsonAsync($"/api/hotline/orders/{order.Id}/extension/decision", new ExtensionDecisionRequest(true, null))).StatusCode);
    }

    [Fact]
    public async Task AStepOnAStaleCopyIsRefusedWith412()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var order = await agent.IntakeAsync(Wenquan);
        var dispatched = await agent.DispatchAsync(order.Id, HandlingUnitKind.Region, Wenquan);
        Assert.True(dispatched.Version > order.Version); // precondition: the copy read at intake is now stale

        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/hotline/orders/{order.Id}/hand-back") { Content = JsonContent.Create(new WorkOrderReasonRequest("不属本单位")) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{order.Version}\""));
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(stale)).StatusCode);
        Assert.Equal(WorkOrderStage.Dispatched, (await admin.GetOrderAsync(order.Id)).Stage);
    }
}
