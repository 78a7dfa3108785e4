namespace Grid.Planning.Tests;

public sealed class FairnessTests
{
    private const double KmPerDegLat = 111.195;

    /// <summary>Two workers at the office; four 30-minute visits at one door 1 km north (1 minute at 60 km/h).</summary>
    private static PlanningInstance Day(double fairness) => new("fair", 60, 1.0,
        [
            new Worker("w1", 29.84, 114.32, 8 * 60, 17 * 60, 4, [], []),
            new Worker("w2", 29.84, 114.32, 8 * 60, 17 * 60, 4, [], []),
        ],
        Enumerable.Range(1, 4).Select(i => new Visit($"v{i}", $"r{i}", 29.84 + 1 / KmPerDegLat, 114.32, 30, 9 * 60, 15 * 60, [], 1)).ToList(),
        fairness);

    private static Plan Solve(PlanningInstance day) => VisitPlanner.Solve(day, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 500));

    [Fact]
    public void WithoutFairnessOneWorkerMakesEveryVisit()
    {
        var day = Day(0);
        var plan = Solve(day);
        Assert.Empty(PlanValidator.Validate(day, plan));
        Assert.Single(plan.Routes);
        // 2 km there and back (2 min) + 4 × 30 min = 122 min for one worker, 0 for the other.
        var load = plan.Metrics.Workload!;
        Assert.Equal((0, 122, 122, 61), (load.MinMinutes, load.MaxMinutes, load.SpreadMinutes, load.StdDevMinutes));
        Assert.Equal(0, load.FairnessCost);
        Assert.Equal(2 + 4 * 2, plan.Metrics.Cost, 3);
    }

    [Fact]
    public void WithFairnessTheVisitsAreSplitTwoAndTwo()
    {
        // One worker: 10 × (122/60)² = 41.3; two and two: 2 × 10 × (62/60)² = 21.4 for 2 km more travel.
        var day = Day(10);
        var plan = Solve(day);
        Assert.Empty(PlanValidator.Validate(day, plan));
        Assert.Equal([2, 2], plan.Routes.Select(r => r.Stops.Count));
        var load = plan.Metrics.Workload!;
        Assert.Equal((62, 62, 0), (load.MinMinutes, load.MaxMinutes, load.SpreadMinutes));
        Assert.Equal(2 * 10 * (62 / 60.0) * (62 / 60.0), load.FairnessCost, 3);
        Assert.Equal(4 + 4 * 2 + load.FairnessCost, plan.Metrics.Cost, 3);
    }

    [Fact]
    public void AWrongWorkloadIsRejectedAndOldPlansStillRead()
    {
        var day = Day(10);
        var plan = Solve(day);
        var wrong = plan with { Metrics = plan.Metrics with { Workload = plan.Metrics.Workload! with { SpreadMinutes = 5 } } };
        Assert.Contains(PlanValidator.Validate(day, wrong), v => v.Contains("metrics.workload"));
        var missing = plan with { Metrics = plan.Metrics with { Workload = null } };
        Assert.Contains(PlanValidator.Validate(day, missing), v => v.Contains("weighs fairness"));
        Assert.Empty(PlanValidator.Validate(Day(0), Solve(Day(0)) is var p0 ? p0 with { Metrics = p0.Metrics with { Workload = null } } : p0));
        Assert.Equal(10, PlanJson.ReadInstance(PlanJson.WriteInstance(day)).FairnessWeight);
        Assert.Equal(plan.Metrics.Workload, PlanJson.ReadPlan(PlanJson.Write(plan)).Metrics.Workload);
    }
}
