using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Grid.Geo;

/// <summary>
/// Point → (county, township, village, grid) through an STR-tree of grid envelopes and prepared
/// (indexed) point-in-polygon locators. Immutable: <see cref="WithGrid"/> and <see cref="WithoutGrid"/>
/// return a new index (copy-on-write, reusing the prepared grids that did not change) and leave this
/// one untouched, so any number of threads may read an index while a writer builds the next.
/// Tie-break on shared edges and vertices: the covering grid with the ordinally smallest id.
/// </summary>
public sealed class LocateIndex : IGridLocator
{
    private readonly ImmutableSortedDictionary<string, GridEntry> _grids;
    private readonly IReadOnlyDictionary<string, string> _parentCodes;
    private readonly STRtree<GridEntry> _tree;

    private LocateIndex(ImmutableSortedDictionary<string, GridEntry> grids, IReadOnlyDictionary<string, string> parentCodes)
    {
        _grids = grids;
        _parentCodes = parentCodes;
        _tree = new STRtree<GridEntry>();
        foreach (var entry in grids.Values)
        {
            _tree.Insert(entry.Polygon.EnvelopeInternal, entry);
        }
        // STRtree builds lazily on first query, which is not thread-safe: build before publishing.
        _tree.Build();
    }

    /// <param name="grids">The grid cells.</param>
    /// <param name="parentCodes">At least village → township and township → county codes.</param>
    public static LocateIndex Create(IEnumerable<GridCell> grids, IReadOnlyDictionary<string, string> parentCodes)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, GridEntry>(StringComparer.Ordinal);
        foreach (var grid in grids)
        {
            builder.Add(grid.GridId, new GridEntry(grid.GridId, GridEntry.Chain(grid.GridId, grid.VillageCode, parentCodes), grid.Polygon));
        }
        return new LocateIndex(builder.ToImmutable(), parentCodes);
    }

    public int Count => _grids.Count;

    public IEnumerable<string> GridIds => _grids.Keys;

    public LocateResult? Locate(double lat, double lng)
    {
        var at = new Coordinate(lng, lat);
        GridEntry? best = null;
        foreach (var entry in _tree.Query(new Envelope(at)))
        {
            if ((best is null || string.CompareOrdinal(entry.GridId, best.GridId) < 0) && entry.Covers(at))
            {
                best = entry;
            }
        }
        return best?.Result;
    }

    /// <summary>A new index where the grid is added, or redrawn / moved to another village when it exists.</summary>
    public LocateIndex WithGrid(string gridId, string villageCode, Geometry polygon)
    {
        var validation = PolygonValidator.Validate(polygon);
        if (!validation.IsValid)
        {
            throw new ArgumentException($"Grid {gridId}: {validation.Reason}", nameof(polygon));
        }
        var entry = new GridEntry(gridId, GridEntry.Chain(gridId, villageCode, _parentCodes), polygon);
        return new LocateIndex(_grids.SetItem(gridId, entry), _parentCodes);
    }

    /// <summary>A new index without the grid (this index when it is not there).</summary>
    public LocateIndex WithoutGrid(string gridId) =>
        _grids.ContainsKey(gridId) ? new LocateIndex(_grids.Remove(gridId), _parentCodes) : this;

    public Geometry? PolygonOf(string gridId) => _grids.TryGetValue(gridId, out var entry) ? entry.Polygon : null;
}
