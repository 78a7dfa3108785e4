using Grid.Geo;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Grid.Grains.Geography;

/// <summary>WKT, the form grid polygons are stored in, read onto Grid's precision model and SRID.</summary>
public static class Wkt
{
    private static readonly NtsGeometryServices Services = new(GeoFactory.Precision, GeoFactory.Srid);

    public static Geometry Read(string wkt) => new WKTReader(Services).Read(wkt);

    public static string Write(Geometry geometry) => new WKTWriter().Write(geometry);
}
