using Grid.Geo;

namespace Grid.Planning.Tests;

public sealed class GeoAndJsonTests
{
    [Fact]
    public void OneDegreeOfLatitudeIsAbout111Kilometres()
    {
        Assert.InRange(GeoDistance.HaversineKm(29.0, 114.32, 30.0, 114.32), 111.1, 111.3);
    }

    [Fact]
    public void LongitudeDistanceShrinksWithTheCosineOfLatitude()
    {
        var atXianning = GeoDistance.HaversineKm(29.84, 114.0, 29.84, 115.0);
        Assert.InRange(atXianning, 111.19 * Math.Cos(29.84 * Math.PI / 180) - 0.1, 111.19 * Math.Cos(29.84 * Math.PI / 180) + 0.1);
    }

    [Fact]
    public void ThePlannersDistanceMatrixIsTheSharedHaversine()
    {
        var instance = InstanceGenerator.Generate(30, 4, seed: 7);
        var lat = instance.Visits.Select(v => v.Lat).ToArray();
        var lng = instance.Visits.Select(v => v.Lng).ToArray();
        var matrix = GeoDistance.PairwiseKm(lat, lng);
        Assert.Contains(matrix, d => d > 0.1); // the points are spread, so the comparison below means something

        for (var a = 0; a < lat.Length; a++)
            for (var b = 0; b < lat.Length; b++)
                Assert.Equal(GeoDistance.HaversineKm(lat[a], lng[a], lat[b], lng[b]), matrix[a * lat.Length + b], 1e-9);
    }

    [Fact]
    public void ClockTimesRoundTripAndRejectNonsense()
    {
        Assert.Equal(8 * 60 + 5, ClockTime.Parse("08:05"));
        Assert.Equal("17:30", ClockTime.Format(17 * 60 + 30));
        Assert.Throws<FormatException>(() => ClockTime.Parse("8:05"));
        Assert.Throws<FormatException>(() => ClockTime.Parse("24:00"));
    }

    [Fact]
    public void InstanceSurvivesAJsonRoundTrip()
    {
        var instance = InstanceGenerator.Generate(40, 6, seed: 3);
        var again = PlanJson.ReadInstance(PlanJson.WriteInstance(instance));
        Assert.Equal(PlanJson.WriteInstance(instance), PlanJson.WriteInstance(again));
        Assert.Equal(instance.Visits[7].Skills, again.Visits[7].Skills);
        Assert.Equal(instance.Workers[2].Familiar, again.Workers[2].Familiar);
    }

    [Fact]
    public void PlanSurvivesAJsonRoundTripAndStaysValid()
    {
        var instance = TestData.Tiny();
        var plan = VisitPlanner.Solve(instance, TimeSpan.FromSeconds(0.2));
        var json = PlanJson.Write(plan);
        Assert.Contains("\"format\": \"grid-plan/1\"", json);
        var again = PlanJson.ReadPlan(json);
        Assert.Equal(json, PlanJson.Write(again));
        Assert.Empty(PlanValidator.Validate(instance, again));
    }

    [Fact]
    public void SolomonPlanWritesTimesAsNumbers()
    {
        var instance = TestData.Solomon("C101");
        var plan = SolomonPlanner.Solve(instance, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 200));
        var json = PlanJson.Write(plan, PlanTimeFormat.Numbers);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var stop = doc.RootElement.GetProperty("routes")[0].GetProperty("stops")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Number, stop.GetProperty("start").ValueKind);
        Assert.Empty(PlanValidator.Validate(instance, PlanJson.ReadPlan(json)));
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("{\"format\":\"grid-visits/2\"}", "$.format")]
    [InlineData("{\"format\":\"grid-visits/1\",\"speedKmh\":25,\"detourFactor\":1.3,\"workers\":[],\"visits\":[{\"id\":\"v1\"}]}", "$.visits[0].residentId is missing")]
    [InlineData("{\"format\":\"grid-visits/1\",\"speedKmh\":0,\"detourFactor\":1.3,\"workers\":[],\"visits\":[]}", "speedKmh must be positive")]
    public void MalformedInstancesAreRejectedWithAClearMessage(string json, string expected)
    {
        var error = Assert.Throws<PlanningFormatException>(() => PlanJson.ReadInstance(json));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void SolomonReaderReadsFleetAndCustomers()
    {
        var r101 = TestData.Solomon("R101");
        Assert.Equal((25, 200, 100), (r101.VehicleCount, r101.Capacity, r101.Customers.Count));
        Assert.Equal(230, r101.Depot.Due);
        var bks = SolomonReader.ReadBks(Path.Combine(TestData.SolomonFolder, "BKS.json"));
        Assert.Equal(1642.88, bks["R101"].Cost);
    }
}
