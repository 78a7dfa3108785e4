using NetTopologySuite.Geometries;

namespace Grid.Geo;

/// <summary>The one precision model and factory of Grid geometry: WGS84 (SRID 4326), X = longitude, Y = latitude.</summary>
public static class GeoFactory
{
    /// <summary>Coordinates are rounded to 1e-7 degrees (about 1 cm), so shared edges are bit-identical.</summary>
    public const double Scale = 1e7;

    public const int Srid = 4326;

    public static PrecisionModel Precision { get; } = new(Scale);

    public static GeometryFactory Factory { get; } = new(Precision, Srid);

    public static Point Point(double lat, double lng) =>
        Factory.CreatePoint(new Coordinate(Precision.MakePrecise(lng), Precision.MakePrecise(lat)));
}
