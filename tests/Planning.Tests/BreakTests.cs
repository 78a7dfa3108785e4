namespace Grid.Planning.Tests;

public sealed class BreakTests
{
    private const double KmPerDegLat = 111.195;

    /// <summary>One worker at the office, 60 km/h, no detour; v1 and v2 at the same door 1 km north.</summary>
    private static PlanningInstance Day(WorkerBreak? pause, int v2Latest) => new("noon", 60, 1.0,
        [new Worker("w", 29.84, 114.32, 8 * 60, 17 * 60, 5, [], [], pause)],
        [
            new Visit("v1", "r1", 29.84 + 1 / KmPerDegLat, 114.32, 30, 11 * 60 + 30, 11 * 60 + 30, [], 1),
            new Visit("v2", "r2", 29.84 + 1 / KmPerDegLat, 114.32, 30, 12 * 60, v2Latest, [], 1),
        ]);

    private static Plan Solve(PlanningInstance day) => VisitPlanner.Solve(day, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 300));

    [Fact]
    public void WithoutABreakBothVisitsAreMade()
    {
        var plan = Solve(Day(null, 12 * 60 + 20));
        Assert.Empty(plan.Unassigned);
        Assert.Null(plan.Routes.Single().Break);
        Assert.Empty(PlanValidator.Validate(Day(null, 12 * 60 + 20), plan));
    }

    [Fact]
    public void ABreakAtNoonPushesTheSecondVisitPastItsWindow()
    {
        // v1 ends at 12:00; the break must run 12:00–12:30, so v2 (latest start 12:20) cannot be made.
        var day = Day(new WorkerBreak(12 * 60, 12 * 60, 30), 12 * 60 + 20);
        var plan = Solve(day);
        Assert.Equal(["v2"], plan.Unassigned);
        Assert.Equal(new PlanBreak(12 * 60, 12 * 60 + 30), plan.Routes.Single().Break);
        Assert.Empty(PlanValidator.Validate(day, plan));
    }

    [Fact]
    public void ABreakFitsBetweenVisitsWhenTheWindowAllows()
    {
        var day = Day(new WorkerBreak(12 * 60, 12 * 60, 30), 12 * 60 + 40);
        var plan = Solve(day);
        Assert.Empty(plan.Unassigned);
        var route = plan.Routes.Single();
        Assert.Equal(new PlanBreak(12 * 60, 12 * 60 + 30), route.Break);
        Assert.Equal(12 * 60 + 30, route.Stops.Single(s => s.VisitId == "v2").Start, 6);
        Assert.Empty(PlanValidator.Validate(day, plan));
    }

    [Fact]
    public void APlanWithoutTheBreakOrWithItOverAVisitIsRejected()
    {
        var day = Day(new WorkerBreak(11 * 60, 13 * 60, 30), 12 * 60 + 40);
        var plan = Solve(day);
        Assert.Empty(PlanValidator.Validate(day, plan));
        var route = plan.Routes.Single();
        var missing = plan with { Routes = [route with { Break = null }] };
        Assert.Contains(PlanValidator.Validate(day, missing), v => v.Contains("takes no break"));
        var overVisit = plan with { Routes = [route with { Break = new PlanBreak(11 * 60 + 40, 12 * 60 + 10) }] };
        Assert.Contains(PlanValidator.Validate(day, overVisit), v => v.Contains("overlaps visit"));
    }

    [Fact]
    public void BreaksRoundTripThroughJsonAndOldFilesStillRead()
    {
        var day = Day(new WorkerBreak(12 * 60, 13 * 60, 30), 12 * 60 + 40);
        var read = PlanJson.ReadInstance(PlanJson.WriteInstance(day));
        Assert.Equal(day.Workers[0].Break, read.Workers[0].Break);
        var plan = Solve(day);
        Assert.Equal(plan.Routes[0].Break, PlanJson.ReadPlan(PlanJson.Write(plan, PlanTimeFormat.Numbers)).Routes[0].Break);
        var old = PlanJson.WriteInstance(Day(null, 12 * 60 + 40));
        Assert.DoesNotContain("\"break\"", old);
        Assert.Null(PlanJson.ReadInstance(old).Workers[0].Break);
    }

    [Fact]
    public void AFreeMorningKeepsItsVisitsEarlyAndTakesLunchAfterThem()
    {
        // One 30-minute visit 1 km north, open all day: made 08:01–08:31, lunch 11:30–12:00 on the way home
        // (not lunch first and the visit at 12:01, which is also valid but delays the resident for nothing).
        var day = new PlanningInstance("morning", 60, 1.0,
            [new Worker("w", 29.84, 114.32, 8 * 60, 17 * 60, 5, [], [], new WorkerBreak(11 * 60 + 30, 13 * 60 + 30, 30))],
            [new Visit("v1", "r1", 29.84 + 1 / KmPerDegLat, 114.32, 30, 8 * 60, 17 * 60, [], 1)]);
        var plan = Solve(day);
        Assert.Empty(PlanValidator.Validate(day, plan));
        var route = plan.Routes.Single();
        Assert.Equal("08:01", ClockTime.Format(route.Stops.Single().Start));
        Assert.Equal(new PlanBreak(11 * 60 + 30, 12 * 60), route.Break);
    }
}
