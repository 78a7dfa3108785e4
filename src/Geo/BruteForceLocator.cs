using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Grid.Geo;

/// <summary>
/// The reference locator for tests and the benchmark baseline: scans every grid polygon with
/// a covers test (unprepared point-in-polygon, after an envelope check), same tie-break as
/// <see cref="LocateIndex"/>.
/// </summary>
public sealed class BruteForceLocator : IGridLocator
{
    private readonly (GridCell Grid, LocateResult Result)[] _grids;

    public BruteForceLocator(IEnumerable<GridCell> grids, IReadOnlyDictionary<string, string> parentCodes) =>
        _grids = [.. grids.Select(g => (g, GridEntry.Chain(g.GridId, g.VillageCode, parentCodes)))];

    /// <summary>Every grid whose polygon covers the point, in ordinal id order.</summary>
    public IReadOnlyList<string> CoveringGrids(double lat, double lng)
    {
        var at = new Coordinate(lng, lat);
        return [.. _grids
            .Where(g => Covers(g.Grid.Polygon, at))
            .Select(g => g.Grid.GridId)
            .Order(StringComparer.Ordinal)];
    }

    public LocateResult? Locate(double lat, double lng)
    {
        var at = new Coordinate(lng, lat);
        (GridCell Grid, LocateResult Result)? best = null;
        foreach (var candidate in _grids)
        {
            if ((best is null || string.CompareOrdinal(candidate.Grid.GridId, best.Value.Grid.GridId) < 0)
                && Covers(candidate.Grid.Polygon, at))
            {
                best = candidate;
            }
        }
        return best?.Result;
    }

    // Same answer as Geometry.Covers(point) (interior or boundary) without building a relate graph per call.
    private static bool Covers(Geometry polygon, Coordinate at) =>
        polygon.EnvelopeInternal.Covers(at) && SimplePointInAreaLocator.Locate(at, polygon) != Location.Exterior;
}
