namespace Grid.Planning.Tests;

public sealed class GridValidatorTests
{
    private readonly PlanningInstance _instance = TestData.Tiny();
    private readonly Plan _valid;

    public GridValidatorTests()
    {
        _valid = VisitPlanner.FromRoutes(_instance, new Dictionary<string, IReadOnlyList<string>>
        {
            ["w1"] = ["v1", "v4"],
            ["w2"] = ["v3", "v2"],
        });
    }

    [Fact]
    public void AHandBuiltFeasiblePlanIsValid()
    {
        Assert.Empty(PlanValidator.Validate(_instance, _valid));
        Assert.Equal(4, _valid.Metrics.Assigned);
        Assert.Equal(1, _valid.Metrics.FamiliarVisits);
    }

    [Fact]
    public void AVisitLeftOutEverywhereIsRejected() =>
        AssertRejected(_valid with { Routes = [.. _valid.Routes.Select(r => r with { Stops = [.. r.Stops.Where(s => s.VisitId != "v2")] })] },
            "visit 'v2' is neither in a route nor unassigned");

    [Fact]
    public void AVisitMadeTwiceIsRejected() =>
        AssertRejected(_valid with { Unassigned = ["v2"] }, "visit 'v2' appears 2 times");

    [Fact]
    public void AnUnknownVisitIsRejected() =>
        AssertRejected(_valid with { Unassigned = ["v99"] }, "visit 'v99' is not in the instance");

    [Fact]
    public void ARouteForAnUnknownWorkerIsRejected() =>
        AssertRejected(_valid with { Routes = [.. _valid.Routes, new PlanRoute("w9", [])] }, "unknown worker 'w9'");

    [Fact]
    public void AWorkerWithTwoRoutesIsRejected() =>
        AssertRejected(_valid with { Routes = [.. _valid.Routes, new PlanRoute("w1", [])] }, "worker 'w1' has more than one route");

    [Fact]
    public void AVisitNeedingASkillTheWorkerLacksIsRejected() =>
        AssertRejected(Routes(("w1", ["v4"]), ("w2", ["v1", "v3", "v2"])), "lacks skill(s) disability");

    [Fact]
    public void MoreVisitsThanMaxVisitsIsRejected() =>
        AssertRejected(Routes(("w1", ["v1", "v3", "v4"]), ("w2", ["v2"])), "more than maxVisits 2");

    [Fact]
    public void StartingAfterTheLatestTimeIsRejected() =>
        AssertRejected(Shift(_valid, "v1", start: 10 * 60 + 30), "after latest 10:00");

    [Fact]
    public void StartingBeforeTheEarliestTimeIsRejected() =>
        AssertRejected(Shift(_valid, "v4", start: 13 * 60), "before earliest 14:00");

    [Fact]
    public void ArrivingFasterThanTravelAllowsIsRejected() =>
        AssertRejected(Shift(_valid, "v2", arrive: 8 * 60), "cannot arrive before");

    [Fact]
    public void StartingBeforeArrivingIsRejected() =>
        AssertRejected(Shift(_valid, "v4", arrive: 14 * 60 + 30), "before arriving");

    [Fact]
    public void AServiceShorterThanItsDurationIsRejected() =>
        AssertRejected(Shift(_valid, "v4", end: 14 * 60 + 10), "service of 45 min");

    [Fact]
    public void LeavingBeforeTheWorkersDayStartsIsRejected()
    {
        var late = _instance with { Workers = [_instance.Workers[0], _instance.Workers[1] with { Start = 10 * 60 }] };
        Assert.Contains(PlanValidator.Validate(late, _valid), v => v.Contains("w2' at visit 'v3': arrives") && v.Contains("cannot arrive before"));
    }

    [Fact]
    public void ComingBackAfterTheWorkersDayEndsIsRejected() =>
        AssertRejected(Shift(_valid, "v2", arrive: 11 * 60 + 50, start: 11 * 60 + 50, end: 12 * 60 + 10), "after the end of the day 12:00");

    [Fact]
    public void ASequenceThatCannotBeServedInTimeIsRejectedEvenWithMatchingClaims()
    {
        var tight = _instance with { Visits = [.. _instance.Visits.Select(v => v.Id == "v2" ? v with { Earliest = 8 * 60, Latest = 8 * 60 } : v)] };
        var plan = VisitPlanner.FromRoutes(tight, new Dictionary<string, IReadOnlyList<string>> { ["w1"] = ["v1", "v4"], ["w2"] = ["v3", "v2"] });
        Assert.Contains(PlanValidator.Validate(tight, plan), v => v.Contains("visit 'v2'") && v.Contains("even leaving as early as possible"));
    }

    [Theory]
    [InlineData("travelKm", "metrics.travelKm")]
    [InlineData("assigned", "metrics.assigned")]
    [InlineData("familiar", "metrics.familiarVisits")]
    [InlineData("cost", "metrics.cost")]
    [InlineData("max", "metrics.maxVisits")]
    [InlineData("mean", "metrics.meanVisits")]
    public void WrongClaimedMetricsAreRejected(string field, string expected)
    {
        var m = _valid.Metrics;
        var wrong = field switch
        {
            "travelKm" => m with { TravelKm = m.TravelKm + 1 },
            "assigned" => m with { Assigned = m.Assigned + 1 },
            "familiar" => m with { FamiliarVisits = m.FamiliarVisits + 1 },
            "cost" => m with { Cost = m.Cost - 5 },
            "max" => m with { MaxVisits = 7 },
            _ => m with { MeanVisits = 3 },
        };
        AssertRejected(_valid with { Metrics = wrong }, expected);
    }

    [Fact]
    public void CostCountsUnfamiliarVisitsAndUnassignedPriorities()
    {
        var plan = VisitPlanner.FromRoutes(_instance, new Dictionary<string, IReadOnlyList<string>> { ["w1"] = ["v1"] });
        Assert.Empty(PlanValidator.Validate(_instance, plan));
        var expected = plan.Metrics.TravelKm + 0 + 1000 * (1 + 3 + 1);
        Assert.Equal(expected, plan.Metrics.Cost, 2);
    }

    private Plan Routes(params (string Worker, string[] Visits)[] routes) =>
        VisitPlanner.FromRoutes(_instance, routes.ToDictionary(r => r.Worker, r => (IReadOnlyList<string>)r.Visits));

    private static Plan Shift(Plan plan, string visitId, double? arrive = null, double? start = null, double? end = null) =>
        plan with
        {
            Routes = [.. plan.Routes.Select(r => r with
            {
                Stops = [.. r.Stops.Select(s => s.VisitId != visitId ? s : new PlanStop(visitId, arrive ?? s.Arrive, start ?? s.Start, end ?? s.End))],
            })],
        };

    private void AssertRejected(Plan plan, string expected)
    {
        var violations = PlanValidator.Validate(_instance, plan);
        Assert.Contains(violations, v => v.Contains(expected, StringComparison.Ordinal));
    }
}
