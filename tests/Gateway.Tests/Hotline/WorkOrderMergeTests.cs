using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests.Hotline;

/// <summary>Duplicates proposed at intake (same caller; same place and category) and merging one into the other.</summary>
[Collection(HotlineCollection.Name)]
public sealed class WorkOrderMergeTests(HotlineFactory gateway)
{
    private const string Wenquan = "421202001000";
    private const string Jiayu = "421221000000"; // 嘉鱼县: no other hotline test files orders there

    [Fact]
    public async Task TheSameCallersOpenOrderIsProposedAndMergingClosesTheDuplicateIntoIt()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var phone = Phone();
        var survivor = await IntakeAsync(agent, "sanitation", phone, region: Wenquan);
        await agent.DispatchAsync(survivor.Id, HandlingUnitKind.Region, Wenquan);
        var duplicate = await IntakeAsync(agent, "noise", phone, region: Wenquan);
        var stranger = await IntakeAsync(agent, "noise", Phone(), region: Wenquan);

        var response = await agent.GetAsync($"/api/hotline/orders/{duplicate.Id}/duplicates");
        var proposals = await response.ReadAsync<List<DuplicateProposalDto>>();
        var proposed = Assert.Single(proposals, p => p.Order.Id == survivor.Id); // precondition: the survivor is proposed
        Assert.Equal(["SameCaller"], proposed.Reasons);
        Assert.DoesNotContain(proposals, p => p.Order.Id == stranger.Id);
        Assert.DoesNotContain(phone, await response.Content.ReadAsStringAsync());

        var merged = await agent.StepAsync(duplicate.Id, "merge", new MergeWorkOrderRequest(survivor.Id, "同一来电人反映同一小区"));

        Assert.Equal((WorkOrderStage.Closed, survivor.Id), (merged.Stage, merged.MergedInto));
        Assert.Contains(merged.History, e => e.Action == "merged" && e.Actor == DemoAccounts.DataBureau && e.Detail!.Contains("同一来电人反映同一小区"));
        var kept = await agent.GetOrderAsync(survivor.Id);
        var absorbed = Assert.Single(kept.Merged!);
        Assert.Equal((duplicate.Id, phone, DemoAccounts.DataBureau), (absorbed.Id, absorbed.CallerPhone, absorbed.By));
        Assert.Contains(kept.History, e => e.Action == "merged-in" && e.Detail!.Contains(duplicate.Id) && e.Detail.Contains("同一来电人反映同一小区"));
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        foreach (var (id, action) in new[] { (duplicate.Id, "workorder.merge"), (survivor.Id, "workorder.merge-in") })
        {
            var audit = await (await admin.GetAsync($"/api/admin/audit?subject={id}&pageSize=200")).ReadAsync<Page<AuditEntryDto>>();
            Assert.Contains(audit.Items, e => e.Action == action && e.Actor == DemoAccounts.DataBureau);
            Assert.All(audit.Items, e => Assert.DoesNotContain(phone, e.Details ?? ""));
        }
        // A merged order is no longer proposed, and is not merged or re-opened again.
        Assert.DoesNotContain(await (await agent.GetAsync($"/api/hotline/orders/{stranger.Id}/duplicates")).ReadAsync<List<DuplicateProposalDto>>(),
            p => p.Order.Id == duplicate.Id);
        Assert.Equal(HttpStatusCode.Conflict, (await MergeAsync(agent, duplicate.Id, survivor.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await agent.PostAsJsonAsync($"/api/hotline/orders/{duplicate.Id}/reopen", new WorkOrderReasonRequest("再开"))).StatusCode);
    }

    [Fact]
    public async Task AnOrderAtTheSamePlaceInTheSameCategoryIsProposedWithItsDistance()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var (lat, lng) = await Open311LifecycleTests.PointInAsync(admin, Jiayu);
        var first = await IntakeAsync(agent, "streetlight", Phone(), lat, lng);
        var otherCategory = await IntakeAsync(agent, "noise", Phone(), lat, lng);
        var second = await IntakeAsync(agent, "streetlight", Phone(), lat + 0.0005, lng); // about 55 m north

        var proposals = await (await agent.GetAsync($"/api/hotline/orders/{second.Id}/duplicates")).ReadAsync<List<DuplicateProposalDto>>();

        var proposed = Assert.Single(proposals, p => p.Order.Id == first.Id);
        Assert.Equal(["SamePlaceAndCategory"], proposed.Reasons);
        Assert.InRange(proposed.DistanceMeters!.Value, 50, 60);
        Assert.DoesNotContain(proposals, p => p.Order.Id == otherCategory.Id);
    }

    [Fact]
    public async Task MergingIntoItselfIntoAClosedOrderOrADispatchedOrderIsRefused()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var received = await IntakeAsync(agent, "sanitation", Phone(), region: Wenquan);
        var dispatched = await IntakeAsync(agent, "sanitation", Phone(), region: Wenquan);
        await agent.DispatchAsync(dispatched.Id, HandlingUnitKind.Region, Wenquan);
        var other = await IntakeAsync(agent, "sanitation", Phone(), region: Wenquan);
        var closed = await IntakeAsync(agent, "sanitation", Phone(), region: Wenquan);
        Assert.Equal(HttpStatusCode.OK, (await MergeAsync(agent, closed.Id, other.Id)).StatusCode); // precondition: merging works, and closes it

        Assert.Equal(HttpStatusCode.BadRequest, (await MergeAsync(agent, received.Id, received.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await MergeAsync(agent, received.Id, closed.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await MergeAsync(agent, dispatched.Id, other.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await MergeAsync(agent, received.Id, "WO20990101-nosuchorder")).StatusCode);
        Assert.Equal(WorkOrderStage.Received, (await agent.GetOrderAsync(received.Id)).Stage);
        Assert.Null((await agent.GetOrderAsync(received.Id)).MergedInto);
    }

    private static Task<HttpResponseMessage> MergeAsync(HttpClient agent, string id, string into) =>
        agent.PostAsJsonAsync($"/api/hotline/orders/{id}/merge", new MergeWorkOrderRequest(into, "重复来电"), Json.Options);

    private static string Phone() => "139" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    private static async Task<WorkOrderDto> IntakeAsync(HttpClient agent, string category, string phone, double? lat = null, double? lng = null, string? region = null) =>
        await (await agent.PostAsJsonAsync("/api/hotline/orders", new WorkOrderIntakeRequest(WorkOrderChannel.Agent, category, WorkOrderGrade.Request,
            Urgency.Routine, null, "来电反映", lat, lng, region is null ? null : "温泉路 8 号", region, "李四", phone), Json.Options))
            .ReadAsync<WorkOrderDto>(HttpStatusCode.Created);
}
