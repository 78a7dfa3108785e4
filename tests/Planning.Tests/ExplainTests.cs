using Grid.Planning.Explaining;

namespace Grid.Planning.Tests;

public sealed class ExplainTests
{
    private const double KmPerDegLat = 111.195;

    [Fact]
    public void AVisitNearOneWorkerCostsTheExtraTripToTheOther()
    {
        // w1 at the office, w2 0.02° (2.224 km) north; v1 0.005° (0.556 km) north of the office. No one knows r1.
        var day = new PlanningInstance("explain", 25, 1.0,
            [
                new Worker("w1", 29.84, 114.32, 8 * 60, 17 * 60, 5, [], []),
                new Worker("w2", 29.86, 114.32, 8 * 60, 17 * 60, 5, [], []),
            ],
            [new Visit("v1", "r1", 29.845, 114.32, 30, 9 * 60, 12 * 60, [], 1)]);
        var plan = VisitPlanner.Solve(day, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 100));
        Assert.Equal("w1", plan.Routes.Single().WorkerId);

        var e = PlanExplainer.Explain(day, plan).Single();

        // Here: 2 × 0.556 km + 2 (unfamiliar); at w2: 2 × 1.668 km + 2, i.e. 2 × 1.112 km more.
        Assert.Equal(("v1", "w1"), (e.VisitId, e.WorkerId));
        Assert.Equal(2 * 0.005 * KmPerDegLat + 2, e.CostHere, 2);
        var other = Assert.Single(e.Alternatives);
        Assert.Equal(("w2", (string?)null), (other.WorkerId, other.After));
        Assert.Equal(2 * 0.01 * KmPerDegLat, other.ExtraCost, 2);
    }

    [Fact]
    public void EveryVisitOfAGeneratedDayIsExplainedAndNoneHasAMuchCheaperPlace()
    {
        var day = InstanceGenerator.Generate(40, 6, seed: 2);
        var plan = VisitPlanner.Solve(day, new PlannerOptions(TimeSpan.FromSeconds(10), MaxIterations: 3000));
        var explanations = PlanExplainer.Explain(day, plan);
        Assert.Equal(plan.Metrics.Assigned, explanations.Count);
        Assert.All(explanations, e => Assert.All(e.Alternatives, a => Assert.True(a.ExtraCost > -0.5, $"{e.VisitId} is {a.ExtraCost} cheaper at {a.WorkerId}")));
        var json = ExplainJson.Write(explanations);
        Assert.Contains("\"grid-explain/1\"", json);
    }
}
