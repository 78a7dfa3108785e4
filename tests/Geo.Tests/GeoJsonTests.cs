using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Grid.Geo.Tests;

public sealed class GeoJsonTests
{
    private const string Square = """{"type":"Polygon","coordinates":[[[114.0,29.0],[114.1,29.0],[114.1,29.1],[114.0,29.1],[114.0,29.0]]]}""";

    [Fact]
    public void APolygonRoundTripsThroughGeoJson()
    {
        var polygon = new WKTReader().Read("POLYGON ((114 29, 114.1 29, 114.1 29.1, 114 29.1, 114 29))");

        var json = GeoJson.ToJson(polygon);
        var back = GeoJson.ParseGeometry(json);

        Assert.Contains("\"Polygon\"", json);
        Assert.True(polygon.EqualsExact(back));
    }

    [Fact]
    public void AFeatureCarriesItsProperties()
    {
        var polygon = GeoJson.ParseGeometry(Square);
        var feature = GeoJson.ToFeature(polygon, [new("gridId", "421202001001-G01"), new("synthetic", true)]);

        var json = GeoJson.ToJson(new FeatureCollection { feature });
        var back = GeoJson.ParseFeatureCollection(json);

        var only = Assert.Single(back);
        Assert.Equal("421202001001-G01", only.Attributes["gridId"]);
        Assert.Equal(true, only.Attributes["synthetic"]);
        Assert.True(polygon.EqualsExact(only.Geometry));
    }

    [Fact]
    public void AValidPolygonIsAcceptedAndRoundedToThePrecisionGrid()
    {
        var result = PolygonValidator.Validate(GeoJson.ParseGeometry(
            """{"type":"Polygon","coordinates":[[[114.000000001,29.0],[114.1,29.0],[114.1,29.1],[114.0,29.1],[114.000000001,29.0]]]}"""));

        Assert.True(result.IsValid, result.Reason);
        Assert.NotNull(result.Polygon);
        Assert.All(result.Polygon.Coordinates, c => Assert.Equal(GeoFactory.Precision.MakePrecise(c.X), c.X));
        Assert.Equal(GeoFactory.Srid, result.Polygon.SRID);
    }

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[114,29],[114.1,29.1],[114.1,29],[114,29.1],[114,29]]]}""", "Self-intersection")]
    [InlineData("""{"type":"Polygon","coordinates":[[[29,114],[29.1,114],[29.1,114.1],[29,114.1],[29,114]]]}""", "longitude, latitude")]
    [InlineData("""{"type":"Point","coordinates":[114,29]}""", "Point")]
    [InlineData("""{"type":"Polygon","coordinates":[]}""", "empty")]
    public void AnUnusablePolygonIsRejectedWithAReason(string json, string reasonPart)
    {
        var result = PolygonValidator.Validate(GeoJson.ParseGeometry(json));

        Assert.False(result.IsValid);
        Assert.Null(result.Polygon);
        Assert.Contains(reasonPart, result.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void APolygonThatCollapsesAtThePrecisionGridIsRejected()
    {
        var tiny = new Polygon(new LinearRing([new(114, 29), new(114 + 1e-9, 29), new(114, 29 + 1e-9), new(114, 29)]));

        var result = PolygonValidator.Validate(tiny);

        Assert.False(result.IsValid);
        Assert.Contains("precision", result.Reason);
    }
}
