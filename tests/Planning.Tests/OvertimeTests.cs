namespace Grid.Planning.Tests;

/// <summary>
/// One worker on an 08:00–09:00 shift and one 90-minute visit 1 km north (1 minute each way at 60 km/h):
/// leaving at 08:00 it serves 08:01–09:31 and is back at 09:32, 32 minutes over.
/// </summary>
public sealed class OvertimeTests
{
    private const double KmPerDegLat = 111.195;

    private static PlanningInstance Day(Overtime? overtime) => new("overtime", 60, 1.0,
        [new Worker("w1", 29.84, 114.32, 8 * 60, 9 * 60, 4, [], [])],
        [new Visit("v1", "r1", 29.84 + 1 / KmPerDegLat, 114.32, 90, 8 * 60, 12 * 60, [], 1)],
        Overtime: overtime);

    private static Plan Solve(PlanningInstance day)
    {
        var plan = VisitPlanner.Solve(day, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 300));
        Assert.Empty(PlanValidator.Validate(day, plan));
        return plan;
    }

    [Fact]
    public void WithoutOvertimeTheVisitStaysUnassigned()
    {
        var plan = Solve(Day(null));
        Assert.Equal(["v1"], plan.Unassigned);
        Assert.Equal(1000, plan.Metrics.Cost, 3);
    }

    [Fact]
    public void AllowedOvertimeIsWorkedAndCostsPerMinute()
    {
        // 2 km + 2 (unfamiliar) + 32 min × 2 = 68, cheaper than leaving it (1000).
        var plan = Solve(Day(new Overtime(2, 60)));
        Assert.Empty(plan.Unassigned);
        Assert.Equal("09:31", ClockTime.Format(Assert.Single(Assert.Single(plan.Routes).Stops).End));
        Assert.Equal(68, plan.Metrics.Cost, 3);
    }

    [Fact]
    public void OvertimeBeyondTheAllowedMinutesOrDearerThanTheVisitIsNotWorked()
    {
        Assert.Equal(["v1"], Solve(Day(new Overtime(2, 30))).Unassigned); // back at 09:32, 2 minutes past 09:30
        var dear = Solve(Day(new Overtime(50, 60)));                         // 4 + 32 × 50 = 1604 > 1000
        Assert.Equal(["v1"], dear.Unassigned);
        Assert.Equal(1000, dear.Metrics.Cost, 3);
    }

    [Fact]
    public void OvertimeIsReadAndWrittenAndOldFilesHaveNone()
    {
        var day = Day(new Overtime(1.5, 45));
        Assert.Equal(new Overtime(1.5, 45), PlanJson.ReadInstance(PlanJson.WriteInstance(day)).Overtime);
        Assert.Null(PlanJson.ReadInstance(PlanJson.WriteInstance(Day(null))).Overtime);
        Assert.Throws<PlanningFormatException>(() => PlanJson.ReadInstance(PlanJson.WriteInstance(day).Replace("\"maxMinutes\": 45", "\"maxMinutes\": -1")));
    }

    /// <summary>w1 08:00–12:00 at the place, w2 08:00–17:00 1 km away; a 90-minute urgent visit there from 11:00.</summary>
    private static PlanningInstance Afternoon(Overtime? overtime) => new("overtime-replan", 60, 1.0,
        [new Worker("w1", 29.84, 114.32, 8 * 60, 12 * 60, 4, [], []), new Worker("w2", 29.84 + 1 / KmPerDegLat, 114.32, 8 * 60, 17 * 60, 4, [], [])],
        [], Overtime: overtime);

    [Theory]
    [InlineData(2.0, "w2")]   // w1: 0 km + 2 unfamiliar + 30 min × 2 = 62; w2: 2 km + 2 = 4
    [InlineData(0.01, "w1")]  // w1: 2 + 0.3 = 2.3 < 4
    public void TheReplannerPricesTheOvertimeAnInsertionCauses(double perMinute, string expected)
    {
        var day = Afternoon(new Overtime(perMinute, 120));
        var empty = VisitPlanner.FromRoutes(day, new Dictionary<string, IReadOnlyList<string>> { ["w1"] = [], ["w2"] = [] });
        var urgent = new Visit("u1", "r1", 29.84, 114.32, 90, 11 * 60, 11 * 60 + 30, [], 3);
        var result = Replanning.Replanner.InsertUrgent(day, empty, 11 * 60, urgent, TimeSpan.FromSeconds(1));
        Assert.Empty(PlanValidator.Validate(result.Instance, result.After));
        Assert.Equal(expected, result.WorkerId);
    }

    [Fact]
    public void AnExplanationCountsTheOvertimeOfAnAlternative()
    {
        // w1 08:00–09:00 at the place: the 90-minute visit there would bring it back at 09:30, 30 minutes over.
        var day = new PlanningInstance("overtime-explain", 60, 1.0,
            [new Worker("w1", 29.84, 114.32, 8 * 60, 9 * 60, 4, [], []), new Worker("w2", 29.84 + 1 / KmPerDegLat, 114.32, 8 * 60, 17 * 60, 4, [], [])],
            [new Visit("v1", "r1", 29.84, 114.32, 90, 8 * 60, 12 * 60, [], 1)], Overtime: new Overtime(2, 60));
        var plan = VisitPlanner.FromRoutes(day, new Dictionary<string, IReadOnlyList<string>> { ["w1"] = [], ["w2"] = ["v1"] });
        Assert.Empty(PlanValidator.Validate(day, plan));
        var why = Assert.Single(Explaining.PlanExplainer.Explain(day, plan));
        Assert.Equal(4, why.CostHere, 2);                                       // 2 km + 2 unfamiliar
        Assert.Equal(58, Assert.Single(why.Alternatives, a => a.WorkerId == "w1").ExtraCost, 2); // 0 km + 2 + 60 overtime − 4
    }
}
