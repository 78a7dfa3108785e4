namespace Grid.Geo.Tests;

public sealed class GeoDistanceTests
{
    [Fact]
    public void OneDegreeOfLatitudeIsAboutOneHundredElevenKilometres()
    {
        // 2πR / 360 with R = 6371008.8 m.
        Assert.Equal(111_195.08, GeoDistance.HaversineMeters(29.0, 114.0, 30.0, 114.0), 0.01);
    }

    [Fact]
    public void OneDegreeOfLongitudeAtSixtyDegreesNorthIsHalfAsLong()
    {
        Assert.Equal(111_195.08 / 2, GeoDistance.HaversineMeters(60.0, 10.0, 60.0, 11.0), 2.0);
    }

    [Fact]
    public void EquatorToPoleIsAQuarterOfTheGreatCircle()
    {
        Assert.Equal(Math.PI * GeoDistance.EarthRadiusMeters / 2, GeoDistance.HaversineMeters(0, 114, 90, 0), 1e-6);
    }

    [Fact]
    public void DistanceIsSymmetricAndZeroForTheSamePoint()
    {
        var there = GeoDistance.HaversineMeters(29.84347, 114.32201, 29.71667, 113.88333);
        var back = GeoDistance.HaversineMeters(29.71667, 113.88333, 29.84347, 114.32201);

        Assert.Equal(there, back, 1e-9);
        Assert.InRange(there, 44_000, 46_000);
        Assert.Equal(0, GeoDistance.HaversineMeters(29.84347, 114.32201, 29.84347, 114.32201));
    }
}
