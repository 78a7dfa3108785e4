using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Grid.Geo;

public static class PolygonPoints
{
    /// <summary>A point strictly inside the area, on the precision grid: the centroid when inside, else an interior point.</summary>
    public static Point RepresentativePoint(Geometry area)
    {
        var centroid = Snap(area.Centroid.Coordinate);
        if (IsInterior(centroid, area))
        {
            return GeoFactory.Factory.CreatePoint(centroid);
        }
        var interior = Snap(area.InteriorPoint.Coordinate);
        if (IsInterior(interior, area))
        {
            return GeoFactory.Factory.CreatePoint(interior);
        }
        return RandomPointIn(area, new Random(0));
    }

    /// <summary>
    /// A uniformly random point strictly inside the area (rejection sampling in its envelope), rounded
    /// to the precision grid. Deterministic for a given Random state.
    /// </summary>
    public static Point RandomPointIn(Geometry area, Random random)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(random);
        var env = area.EnvelopeInternal;
        for (var attempt = 0; attempt < 100_000; attempt++)
        {
            var candidate = Snap(new Coordinate(
                env.MinX + random.NextDouble() * env.Width,
                env.MinY + random.NextDouble() * env.Height));
            if (IsInterior(candidate, area))
            {
                return GeoFactory.Factory.CreatePoint(candidate);
            }
        }
        throw new InvalidOperationException("No interior point found; the area is degenerate.");
    }

    internal static bool IsInterior(Coordinate c, Geometry area) =>
        SimplePointInAreaLocator.Locate(c, area) == Location.Interior;

    internal static Coordinate Snap(Coordinate c) =>
        new(GeoFactory.Precision.MakePrecise(c.X), GeoFactory.Precision.MakePrecise(c.Y));
}
