using Grid.Geo;

namespace Grid.Planning.Tests;

public sealed class PlannerTests
{
    [Theory]
    [InlineData(40, 6, 1)]
    [InlineData(40, 6, 2)]
    [InlineData(120, 15, 3)]
    public void PlansForGeneratedDaysPassTheValidator(int visits, int workers, int seed)
    {
        var instance = InstanceGenerator.Generate(visits, workers, seed);
        var plan = VisitPlanner.Solve(instance, TimeSpan.FromSeconds(0.5), seed);
        Assert.Empty(PlanValidator.Validate(instance, plan));
        Assert.Equal(visits, plan.Metrics.Assigned + plan.Unassigned.Count);
    }

    [Fact]
    public void ThePlannerBeatsTheGreedyBaseline()
    {
        var instance = InstanceGenerator.Generate(80, 10, seed: 4);
        var greedy = GreedyPlanner.Solve(instance);
        var planned = VisitPlanner.Solve(instance, TimeSpan.FromSeconds(1));
        Assert.Empty(PlanValidator.Validate(instance, greedy));
        Assert.True(planned.Metrics.Cost < greedy.Metrics.Cost, $"planner {planned.Metrics.Cost} vs greedy {greedy.Metrics.Cost}");
    }

    [Fact]
    public void TheSameSeedAndIterationCountGiveTheSamePlan()
    {
        var instance = InstanceGenerator.Generate(60, 8, seed: 5);
        var options = new PlannerOptions(TimeSpan.FromMinutes(1), Seed: 7, MaxIterations: 2000);
        Assert.Equal(PlanJson.Write(VisitPlanner.Solve(instance, options)), PlanJson.Write(VisitPlanner.Solve(instance, options)));
    }

    [Fact]
    public void AVisitNoWorkerCanDoIsLeftUnassigned()
    {
        var tiny = TestData.Tiny();
        var instance = tiny with { Visits = [.. tiny.Visits, new Visit("v5", "r5", 29.84, 114.32, 30, 600, 660, ["sign-language"], 2)] };
        var plan = VisitPlanner.Solve(instance, TimeSpan.FromSeconds(0.2));
        Assert.Contains("v5", plan.Unassigned);
        Assert.Empty(PlanValidator.Validate(instance, plan));
    }

    [Fact]
    public void TheGeneratorMakesXianningLikeDays()
    {
        var instance = InstanceGenerator.Generate(400, 60, seed: 1);
        Assert.Equal((400, 60), (instance.Visits.Count, instance.Workers.Count));
        Assert.All(instance.Visits, v => Assert.InRange(GeoDistance.HaversineKm(29.84, 114.32, v.Lat, v.Lng), 0, 20));
        Assert.Contains(instance.Visits, v => v.Skills.Contains("disability"));
        Assert.Contains(instance.Workers, w => w.Familiar.Count > 0);
    }

    [Theory]
    [InlineData("R101")]
    [InlineData("C201")]
    [InlineData("RC105")]
    public void SolomonPlansServeEveryCustomerAndPassTheValidator(string name)
    {
        var instance = TestData.Solomon(name);
        var plan = SolomonPlanner.Solve(instance, TimeSpan.FromSeconds(1));
        Assert.Empty(PlanValidator.Validate(instance, plan));
        Assert.Empty(plan.Unassigned);
    }
}
