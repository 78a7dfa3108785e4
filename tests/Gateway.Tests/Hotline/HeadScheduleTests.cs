using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests.Hotline;

/// <summary>Art. 26: a head's day on the line, the calls taken and the same-day investigation, on the public follow-up (公示) page.</summary>
[Collection(HotlineCollection.Name)]
public sealed class HeadScheduleTests(HotlineFactory gateway)
{
    private const string Wenquan = "421202001000";
    private const string CallerName = "李四喜";
    private const string CallerPhone = "13912345678";

    [Fact]
    public async Task TheFollowUpPageShowsTheHeadsCallsAndInvestigationWithoutPersonalData()
    {
        var center = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var department = $"人社局-{Guid.NewGuid():N}"[..12]; // a fresh department: no other test's slot
        var today = HotlineFactory.Today;
        var slot = await (await center.PostAsJsonAsync("/api/hotline/heads/slots", new HeadSlotRequest(today, department, "王局长", "局长"), Json.Options))
            .ReadAsync<HeadSlotDto>(HttpStatusCode.Created);

        var solved = await CallAsync(center, slot.Id, true, "咨询养老保险补缴政策");
        var investigated = await CallAsync(center, slot.Id, false, $"反映养老金两个月未到账, 请回电 {CallerPhone}, {CallerName} 本人");
        var investigation = investigated.Calls[^1];
        Assert.Equal(2, investigated.Calls.Count); // precondition: both calls are on the slot
        var order = await admin.GetOrderAsync(investigation.OrderId);
        Assert.Equal((WorkOrderChannel.DepartmentHeadCall, WorkOrderStage.Dispatched, HandlingUnitKind.Department, department),
            (order.Channel, order.Stage, order.UnitKind, order.UnitId));
        Assert.Equal(InvestigationState.Open, investigation.Investigation!.State);
        Assert.Equal(today, HotlineClient.LastDay(investigation.Investigation.Due)); // the same day

        // The department investigates and answers the same day.
        await admin.StepAsync(investigation.OrderId, "sign-for");
        await admin.StepAsync(investigation.OrderId, "answer", new AnswerWorkOrderRequest("已核实, 养老金已补发"));

        var anonymous = gateway.CreateClient();
        var response = await anonymous.GetAsync($"/api/public/hotline/heads/{today:yyyy-MM}");
        var body = await response.Content.ReadAsStringAsync();
        var days = await response.ReadAsync<List<HeadDayDto>>();
        var published = Assert.Single(Assert.Single(days, d => d.Date == today).Slots, s => s.Id == slot.Id);
        Assert.Equal(("王局长", department, 2), (published.HeadName, published.Department, published.Calls.Count));
        Assert.Equal((true, WorkOrderStage.Answered, (HeadInvestigationDto?)null), (published.Calls[0].SolvedOnCall, published.Calls[0].Stage, published.Calls[0].Investigation));
        Assert.Equal(solved.Calls[0].OrderId, published.Calls[0].OrderId);
        Assert.Equal((false, InvestigationState.AnsweredOnTime), (published.Calls[1].SolvedOnCall, published.Calls[1].Investigation!.State));
        Assert.Contains("养老金两个月未到账", published.Calls[1].Summary);
        Assert.DoesNotContain(CallerPhone, body);
        Assert.DoesNotContain(CallerName, body);
        Assert.DoesNotContain("温泉路 8 号", body);
        var audit = await (await admin.GetAsync($"/api/admin/audit?subject={slot.Id}&pageSize=200")).ReadAsync<Page<AuditEntryDto>>();
        Assert.Equal(["headschedule.call", "headschedule.call", "headschedule.slot.add"], audit.Items.Select(e => e.Action).Order(StringComparer.Ordinal));
        Assert.All(audit.Items, e => Assert.Equal("databureau", e.Actor));
    }

    [Fact]
    public async Task OnlyTheCenterKeepsTheScheduleAndACallNeedsTheHeadsDay()
    {
        var department = await gateway.SignedInClientAsync(DemoAccounts.Department);
        var center = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var name = $"交通局-{Guid.NewGuid():N}"[..12];
        Assert.Equal(HttpStatusCode.Forbidden,
            (await department.PostAsJsonAsync("/api/hotline/heads/slots", new HeadSlotRequest(HotlineFactory.Today, name, "赵局长", null), Json.Options)).StatusCode);
        var tomorrow = await (await center.PostAsJsonAsync("/api/hotline/heads/slots", new HeadSlotRequest(HotlineFactory.Today.AddDays(1), name, "赵局长", null), Json.Options))
            .ReadAsync<HeadSlotDto>(HttpStatusCode.Created);

        var early = await center.PostAsJsonAsync($"/api/hotline/heads/slots/{tomorrow.Id}/calls", Call(true, "咨询"), Json.Options);
        var byOther = await department.PostAsJsonAsync($"/api/hotline/heads/slots/{tomorrow.Id}/calls", Call(true, "咨询"), Json.Options);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Forbidden), (early.StatusCode, byOther.StatusCode));
        Assert.Equal(HttpStatusCode.NoContent, (await center.DeleteAsync($"/api/hotline/heads/slots/{tomorrow.Id}")).StatusCode);
    }

    private static async Task<HeadSlotDto> CallAsync(HttpClient client, string slotId, bool solved, string description) =>
        await (await client.PostAsJsonAsync($"/api/hotline/heads/slots/{slotId}/calls", Call(solved, description), Json.Options)).ReadAsync<HeadSlotDto>(HttpStatusCode.Created);

    private static HeadCallRequest Call(bool solved, string description) => new("social-security", WorkOrderGrade.Request, description, null, null,
        "温泉路 8 号", Wenquan, CallerName, CallerPhone, solved, solved ? "已当场解答补缴条件和材料" : null);
}
