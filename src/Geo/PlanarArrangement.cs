using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Polygonize;

namespace Grid.Geo;

/// <summary>
/// Nodes linework on the fixed precision grid (snap rounding) and cuts it into faces. Every unit is
/// a union of these faces, so neighbours share bit-identical edges and children tile their parents.
/// </summary>
internal static class PlanarArrangement
{
    public static (Geometry Lines, List<Polygon> Faces) Build(IEnumerable<Geometry> linework)
    {
        var lines = new List<LineString>();
        foreach (var geometry in linework)
        {
            for (var i = 0; i < geometry.NumGeometries; i++)
            {
                if (geometry.GetGeometryN(i) is LineString { IsEmpty: false } line)
                {
                    lines.Add(GeoFactory.Factory.CreateLineString(line.CoordinateSequence));
                }
            }
        }
        var noded = UnaryUnionNG.Union((Geometry)GeoFactory.Factory.CreateMultiLineString([.. lines]), GeoFactory.Precision);
        var polygonizer = new Polygonizer();
        polygonizer.Add(noded);
        var faces = polygonizer.GetPolygons().Cast<Polygon>().Where(f => f.Area > 0).ToList();
        return (noded, faces);
    }

    /// <summary>Exact union of faces of one arrangement (no noding, so no vertex moves).</summary>
    public static Geometry Merge(IReadOnlyList<Polygon> faces) =>
        faces.Count == 1
            ? faces[0]
            : CoverageUnion.Union(GeoFactory.Factory.CreateMultiPolygon([.. faces]));
}
