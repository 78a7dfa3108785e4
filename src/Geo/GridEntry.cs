using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Grid.Geo;

/// <summary>An immutable, fully built grid of a locator; safe to share between readers and index versions.</summary>
internal sealed class GridEntry
{
    private readonly IndexedPointInAreaLocator _locator;

    public GridEntry(string gridId, LocateResult result, Geometry polygon)
    {
        GridId = gridId;
        Result = result;
        Polygon = polygon;
        _locator = new IndexedPointInAreaLocator(polygon);
        // Build the locator's lazy index now, so concurrent readers never race to create it.
        _locator.Locate(polygon.Coordinate);
    }

    public string GridId { get; }

    public LocateResult Result { get; }

    public Geometry Polygon { get; }

    public bool Covers(Coordinate at) => _locator.Locate(at) != Location.Exterior;

    public static LocateResult Chain(string gridId, string villageCode, IReadOnlyDictionary<string, string> parentCodes)
    {
        if (!parentCodes.TryGetValue(villageCode, out var township) || !parentCodes.TryGetValue(township, out var county))
        {
            throw new ArgumentException($"Village {villageCode} of grid {gridId} has no known township and county.", nameof(villageCode));
        }
        return new LocateResult(county, township, villageCode, gridId);
    }
}
