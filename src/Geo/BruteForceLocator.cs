using NetTopologySuite.Geometries;

namespace Grid.Geo;

/// <summary>
/// The reference locator for tests and the benchmark baseline: scans every grid polygon with
/// Geometry.Covers (after a cheap envelope check), same tie-break as <see cref="LocateIndex"/>.
/// </summary>
public sealed class BruteForceLocator : IGridLocator
{
    private readonly (GridCell Grid, LocateResult Result)[] _grids;

    public BruteForceLocator(IEnumerable<GridCell> grids, IReadOnlyDictionary<string, string> parentCodes) =>
        _grids = [.. grids.Select(g => (g, GridEntry.Chain(g.GridId, g.VillageCode, parentCodes)))];

    /// <summary>Every grid whose polygon covers the point, in ordinal id order.</summary>
    public IReadOnlyList<string> CoveringGrids(double lat, double lng)
    {
        var point = GeoFactory.Factory.CreatePoint(new Coordinate(lng, lat));
        return [.. _grids
            .Where(g => g.Grid.Polygon.EnvelopeInternal.Covers(point.Coordinate) && g.Grid.Polygon.Covers(point))
            .Select(g => g.Grid.GridId)
            .Order(StringComparer.Ordinal)];
    }

    public LocateResult? Locate(double lat, double lng)
    {
        var point = GeoFactory.Factory.CreatePoint(new Coordinate(lng, lat));
        (GridCell Grid, LocateResult Result)? best = null;
        foreach (var candidate in _grids)
        {
            if (candidate.Grid.Polygon.EnvelopeInternal.Covers(point.Coordinate)
                && (best is null || string.CompareOrdinal(candidate.Grid.GridId, best.Value.Grid.GridId) < 0)
                && candidate.Grid.Polygon.Covers(point))
            {
                best = candidate;
            }
        }
        return best?.Result;
    }
}
