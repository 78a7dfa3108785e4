namespace Grid.Planning.Tests;

public sealed class SolomonValidatorTests
{
    private static readonly SolomonInstance C101 = TestData.Solomon("C101");
    private static readonly Plan Valid = SolomonPlanner.Solve(C101, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 300));

    [Fact]
    public void TheSolversPlanIsValid() => Assert.Empty(PlanValidator.Validate(C101, Valid));

    [Fact]
    public void MoreVehiclesThanTheFleetIsRejected() =>
        AssertRejected(C101 with { VehicleCount = 5 }, Valid, "not a number from 1 to 5");

    [Fact]
    public void ALoadOverCapacityIsRejected() =>
        AssertRejected(C101 with { Capacity = 100 }, Valid, "more than the capacity 100");

    [Fact]
    public void AnUnservedCustomerIsRejected()
    {
        var first = Valid.Routes[0];
        var plan = Valid with { Routes = [first with { Stops = first.Stops.Skip(1).ToList() }, .. Valid.Routes.Skip(1)] };
        AssertRejected(C101, plan, $"customer '{first.Stops[0].VisitId}' is not served");
    }

    [Fact]
    public void UnassignedCustomersAreNotAllowed() =>
        AssertRejected(C101, Valid with { Unassigned = ["5"] }, "every customer must be served");

    [Fact]
    public void ACustomerServedTwiceIsRejected()
    {
        var extra = Valid.Routes[1].Stops[0];
        var first = Valid.Routes[0];
        var plan = Valid with { Routes = [first with { Stops = [.. first.Stops, extra] }, .. Valid.Routes.Skip(1)] };
        AssertRejected(C101, plan, $"customer '{extra.VisitId}' is served 2 times");
    }

    [Fact]
    public void StartingAfterTheDueDateIsRejected()
    {
        var customer = C101.Customers.Single(c => c.Number == int.Parse(Valid.Routes[0].Stops[0].VisitId));
        var tighter = C101 with { Customers = [.. C101.Customers.Select(c => c == customer ? c with { Due = c.Ready } : c)] };
        var stop = Valid.Routes[0].Stops[0];
        if (stop.Start > customer.Ready) AssertRejected(tighter, Valid, "after the due date");
        else AssertRejected(C101 with { Customers = [.. C101.Customers.Select(c => c == customer ? c with { Ready = stop.Start + 1 } : c)] }, Valid, "before the ready time");
    }

    [Fact]
    public void ReturningAfterTheDepotsDueDateIsRejected() =>
        AssertRejected(C101 with { Depot = C101.Depot with { Due = 300 } }, Valid, "after the depot's due date 300");

    [Fact]
    public void ClaimedDistanceAndCostMustMatchTheRoutes()
    {
        var plan = Valid with { Metrics = Valid.Metrics with { TravelKm = Valid.Metrics.TravelKm - 0.01, Cost = Valid.Metrics.Cost + 1 } };
        var violations = PlanValidator.Validate(C101, plan);
        Assert.Contains(violations, v => v.StartsWith("metrics.travelKm"));
        Assert.Contains(violations, v => v.StartsWith("metrics.cost"));
    }

    [Fact]
    public void ArrivingSoonerThanTheDistanceAllowsIsRejected()
    {
        var route = Valid.Routes[0];
        var s = route.Stops[1];
        var plan = Valid with { Routes = [route with { Stops = [route.Stops[0], s with { Arrive = route.Stops[0].End }, .. route.Stops.Skip(2)] }, .. Valid.Routes.Skip(1)] };
        AssertRejected(C101, plan, "cannot arrive before");
    }

    private static void AssertRejected(SolomonInstance instance, Plan plan, string expected) =>
        Assert.Contains(PlanValidator.Validate(instance, plan), v => v.Contains(expected, StringComparison.Ordinal));
}
