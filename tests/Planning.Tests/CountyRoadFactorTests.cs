namespace Grid.Planning.Tests;

/// <summary>One worker, one visit 1 km north (great circle): road km = 1 × the county's factor, there and back.</summary>
public sealed class CountyRoadFactorTests
{
    private const double KmPerDegLat = 111.195;

    private static PlanningInstance Day(string? county) => new("county", 60, 1.2,
        [new Worker("w1", 29.84, 114.32, 8 * 60, 17 * 60, 4, [], ["r1"])],
        [new Visit("v1", "r1", 29.84 + 1 / KmPerDegLat, 114.32, 30, 9 * 60, 15 * 60, [], 1)],
        County: county);

    [Theory]
    [InlineData(null, 2.4)]            // no county: the instance's 1.2
    [InlineData("421224", 3.0)]        // 通山县 1.5
    [InlineData("421224000000", 3.0)]  // the same county by its 12-digit code
    [InlineData("421202", 2.6)]        // 咸安区 1.3
    [InlineData("110101", 2.4)]        // not in the table: the instance's 1.2
    public void TheCountysRoadFactorSetsTheKilometres(string? county, double km)
    {
        var day = Day(county);
        var plan = VisitPlanner.Solve(day, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 100));

        Assert.Empty(PlanValidator.Validate(day, plan));
        Assert.Equal(km, plan.Metrics.TravelKm, 2);
        Assert.Equal(km, plan.Metrics.TravelMinutes!.Value, 2); // 60 km/h: a minute a km
    }

    [Fact]
    public void TheCountyIsReadAndWrittenAndABadCodeIsRefused()
    {
        var json = PlanJson.WriteInstance(Day("421224"));
        Assert.Equal("421224", PlanJson.ReadInstance(json).County);
        Assert.Equal(1.5, PlanJson.ReadInstance(json).RoadFactor);
        Assert.Null(PlanJson.ReadInstance(PlanJson.WriteInstance(Day(null))).County);
        Assert.Throws<PlanningFormatException>(() => PlanJson.ReadInstance(json.Replace("\"421224\"", "\"通山\"")));
    }
}
