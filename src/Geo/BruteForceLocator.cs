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
    private readonly Candidate[] _grids;

    public BruteForceLocator(IEnumerable<GridCell> grids, IReadOnlyDictionary<string, string> parentCodes) =>
        _grids = [.. grids.Select(g => new Candidate(g.GridId, g.Polygon, g.Polygon.EnvelopeInternal, GridEntry.Chain(g.GridId, g.VillageCode, parentCodes)))];

    /// <summary>Every grid whose polygon covers the point, in ordinal id order.</summary>
    public IReadOnlyList<string> CoveringGrids(double lat, double lng)
    {
        var at = new Coordinate(lng, lat);
        return [.. _grids.Where(g => g.Covers(at)).Select(g => g.GridId).Order(StringComparer.Ordinal)];
    }

    public LocateResult? Locate(double lat, double lng)
    {
        var at = new Coordinate(lng, lat);
        Candidate? best = null;
        foreach (var candidate in _grids)
        {
            if ((best is null || string.CompareOrdinal(candidate.GridId, best.GridId) < 0) && candidate.Covers(at))
            {
                best = candidate;
            }
        }
        return best?.Result;
    }

    private sealed record Candidate(string GridId, Geometry Polygon, Envelope Envelope, LocateResult Result)
    {
        // Same answer as Geometry.Covers(point) (interior or boundary) without building a relate graph per call.
        public bool Covers(Coordinate at) =>
            Envelope.Covers(at) && SimplePointInAreaLocator.Locate(at, Polygon) != Location.Exterior;
    }
}
