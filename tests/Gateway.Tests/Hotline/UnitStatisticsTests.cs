using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests.Hotline;

/// <summary>A unit's month equals a recount of its orders, and the ranking follows the rates.</summary>
[Collection(HotlineCollection.Name)]
public sealed class UnitStatisticsTests(HotlineFactory gateway)
{
    [Fact]
    public async Task AUnitsRatesAndRankEqualARecountOfItsOrders()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var department = $"test-dept-{Guid.NewGuid():N}"[..20]; // a fresh unit: no other test's orders
        // Four orders: closed satisfied and resolved; closed dissatisfied and unresolved; answered only; dispatched only.
        var outcomes = new (Satisfaction? Rating, bool Resolved, bool Answer, bool Sign)[]
            { (Satisfaction.VerySatisfied, true, true, true), (Satisfaction.Dissatisfied, false, true, true), (null, false, true, true), (null, false, false, false) };
        foreach (var o in outcomes)
        {
            var order = await agent.IntakeAsync("421202001000", WorkOrderGrade.Consultation, "social-security");
            await agent.DispatchAsync(order.Id, HandlingUnitKind.Department, department);
            if (o.Sign) await admin.StepAsync(order.Id, "sign-for");
            if (o.Answer) await admin.StepAsync(order.Id, "answer", new AnswerWorkOrderRequest("已答复政策"));
            if (o.Rating is { } rating) await agent.StepAsync(order.Id, "callback", new WorkOrderCallbackRequest(rating, o.Resolved, null));
        }

        var month = HotlineClient.ThisMonth;
        var orders = await (await agent.GetAsync($"/api/hotline/months/{month}/orders?unitId={department}&pageSize=100")).ReadAsync<Page<WorkOrderSummaryDto>>();
        Assert.Equal(4, orders.Items.Count); // precondition: the recount sees every order
        var units = await (await agent.GetAsync($"/api/hotline/months/{month}/units")).ReadAsync<List<UnitStatisticsDto>>();
        var mine = Assert.Single(units, u => u.UnitId == department);

        var calledBack = orders.Items.Count(o => o.Rating is not null);
        Assert.Equal(
            (orders.Items.Count, orders.Items.Count(o => o.SignedInTime), orders.Items.Count(o => o.AnsweredInTime), calledBack,
                orders.Items.Count(o => o.Resolved == true), orders.Items.Count(o => o.Rating is Satisfaction.VerySatisfied or Satisfaction.Satisfied)),
            (mine.Received, mine.SignedInTime, mine.AnsweredInTime, mine.CalledBack, mine.Resolved, mine.Satisfied));
        Assert.Equal((4, 3, 3, 2, 1, 1), (mine.Received, mine.SignedInTime, mine.AnsweredInTime, mine.CalledBack, mine.Resolved, mine.Satisfied));
        Assert.Equal((0.75, 0.5, 0.5), (mine.ResponseRate, mine.ResolutionRate, mine.SatisfactionRate));

        // The ranking: 1…n without gaps, best mean rate first.
        Assert.Equal(Enumerable.Range(1, units.Count), units.Select(u => u.Rank));
        var means = units.Select(u => (u.ResponseRate + u.ResolutionRate + u.SatisfactionRate) / 3).ToList();
        Assert.Equal(means.OrderByDescending(m => m), means);
    }
}
