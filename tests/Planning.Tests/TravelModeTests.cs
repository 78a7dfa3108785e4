namespace Grid.Planning.Tests;

public sealed class TravelModeTests
{
    private const double KmPerDegLat = 111.195;

    /// <summary>A walker and an e-bike rider at the office; one visit 1.5 km north that must start by 08:10.</summary>
    private static PlanningInstance Day(TravelMode fast = TravelMode.EBike, double? ownSpeed = null) => new("modes", 25, 1.0,
        [
            new Worker("walker", 29.84, 114.32, 8 * 60, 17 * 60, 5, [], ["r1"], Mode: TravelMode.Foot),
            new Worker("rider", 29.84, 114.32, 8 * 60, 17 * 60, 5, [], [], Mode: fast, SpeedKmh: ownSpeed),
        ],
        [new Visit("v1", "r1", 29.84 + 1.5 / KmPerDegLat, 114.32, 30, 8 * 60, 8 * 60 + 10, [], 1)]);

    private static Plan Solve(PlanningInstance day) => VisitPlanner.Solve(day, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 200));

    [Fact]
    public void OnlyTheRiderReachesTheVisitInTime()
    {
        // On foot 1.5 km at 4.5 km/h is 20 min (08:20, too late) although the walker knows r1; by e-bike 6 min (08:06).
        var day = Day();
        var plan = Solve(day);
        Assert.Empty(PlanValidator.Validate(day, plan));
        var route = plan.Routes.Single();
        Assert.Equal("rider", route.WorkerId);
        Assert.Equal(8 * 60 + 6, route.Stops.Single().Arrive, 2);
        Assert.Equal(3, plan.Metrics.TravelKm, 2);
        Assert.Equal(12, plan.Metrics.TravelMinutes!.Value, 1);
    }

    [Fact]
    public void AWorkersOwnSpeedOverridesItsMode()
    {
        // A rider at 10 km/h needs 9 min: arrives 08:09, still in time; 18 min of travel there and back.
        var slow = Solve(Day(ownSpeed: 10));
        Assert.Equal(8 * 60 + 9, slow.Routes.Single().Stops.Single().Arrive, 2);
        Assert.Equal(18, slow.Metrics.TravelMinutes!.Value, 1);
        var car = Solve(Day(TravelMode.Car));
        Assert.Equal(6, car.Metrics.TravelMinutes!.Value, 1); // 3 km at 30 km/h
    }

    [Fact]
    public void WrongMinutesAreRejectedAndModesRoundTrip()
    {
        var day = Day();
        var plan = Solve(day);
        var wrong = plan with { Metrics = plan.Metrics with { TravelMinutes = 30 } };
        Assert.Contains(PlanValidator.Validate(day, wrong), v => v.Contains("metrics.travelMinutes"));
        var read = PlanJson.ReadInstance(PlanJson.WriteInstance(Day(ownSpeed: 12)));
        Assert.Equal((TravelMode.Foot, (double?)null), (read.Workers[0].Mode!.Value, read.Workers[0].SpeedKmh));
        Assert.Equal((TravelMode.EBike, (double?)12), (read.Workers[1].Mode!.Value, read.Workers[1].SpeedKmh));
        var e = Assert.Throws<PlanningFormatException>(() => PlanJson.ReadInstance(PlanJson.WriteInstance(day).Replace("\"ebike\"", "\"horse\"")));
        Assert.Contains("foot, ebike or car", e.Message);
    }
}
