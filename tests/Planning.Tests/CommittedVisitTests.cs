namespace Grid.Planning.Tests;

/// <summary>
/// Two workers, w1 beside the visit and w2 1 km away: free, the visit goes to w1 (the nearer); committed
/// to w2 (a task w2 has accepted), only w2 may make it, in the solver, the re-planner and the validator.
/// </summary>
public sealed class CommittedVisitTests
{
    private const double KmPerDegLat = 111.195;

    private static PlanningInstance Day(string? committedTo) => new("committed", 60, 1.0,
        [new Worker("w1", 29.84, 114.32, 8 * 60, 17 * 60, 4, [], []), new Worker("w2", 29.84 + 1 / KmPerDegLat, 114.32, 8 * 60, 17 * 60, 4, [], [])],
        [new Visit("v1", "r1", 29.84, 114.32, 30, 9 * 60, 12 * 60, [], 1, committedTo)]);

    private static Plan Solve(PlanningInstance day)
    {
        var plan = VisitPlanner.Solve(day, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 300));
        Assert.Empty(PlanValidator.Validate(day, plan));
        return plan;
    }

    private static string WorkerOf(Plan plan, string visit) => plan.Routes.Single(r => r.Stops.Any(s => s.VisitId == visit)).WorkerId;

    [Fact]
    public void AFreeVisitGoesToTheNearerWorkerAndACommittedOneToItsWorker()
    {
        var free = Solve(Day(null));
        Assert.Equal("w1", WorkerOf(free, "v1"));
        Assert.Equal(0, free.Metrics.TravelKm, 3);
        var committed = Solve(Day("w2"));
        Assert.Equal("w2", WorkerOf(committed, "v1"));
        Assert.Equal(2, committed.Metrics.TravelKm, 2); // 1 km there and back
    }

    [Fact]
    public void TheValidatorRejectsACommittedVisitMadeByAnotherWorker()
    {
        var day = Day("w2");
        var wrong = VisitPlanner.FromRoutes(day, new Dictionary<string, IReadOnlyList<string>> { ["w1"] = ["v1"], ["w2"] = [] });
        Assert.Contains(PlanValidator.Validate(day, wrong), v => v.Contains("committed to worker 'w2', not 'w1'"));
    }

    [Fact]
    public void AnUrgentVisitCommittedToAWorkerIsInsertedOnlyInItsRoute()
    {
        var day = Day(null);
        var plan = Solve(day);
        var urgent = new Visit("u1", "r9", 29.84, 114.32, 20, 11 * 60, 14 * 60, [], 3, "w2");
        var result = Replanning.Replanner.InsertUrgent(day, plan, 10 * 60, urgent, TimeSpan.FromSeconds(1));
        Assert.Equal("w2", result.WorkerId);
        Assert.Equal("w2", WorkerOf(result.After, "u1"));
        Assert.Empty(PlanValidator.Validate(result.Instance, result.After));
    }

    [Fact]
    public void WorkerIdIsReadAndWrittenAndMustNameAWorker()
    {
        Assert.Equal("w2", PlanJson.ReadInstance(PlanJson.WriteInstance(Day("w2"))).Visits[0].WorkerId);
        Assert.Null(PlanJson.ReadInstance(PlanJson.WriteInstance(Day(null))).Visits[0].WorkerId);
        var error = Assert.Throws<PlanningFormatException>(() => PlanJson.ReadInstance(PlanJson.WriteInstance(Day("w2")).Replace("\"workerId\": \"w2\"", "\"workerId\": \"w7\"")));
        Assert.Contains("not a worker of the instance", error.Message);
    }
}
