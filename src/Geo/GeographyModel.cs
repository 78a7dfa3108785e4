using NetTopologySuite.Geometries;

namespace Grid.Geo;

/// <summary>One grid cell (网格) below a village: its id (e.g. 421202001001-G03) and polygon.</summary>
public sealed record GridCell(string GridId, string VillageCode, Geometry Polygon);

/// <summary>
/// The synthetic geometry of a city: a partition at every level (county, township, village, grid),
/// all cut from one noded planar arrangement so children tile their parents exactly.
/// Geometries are Polygon in practice; typed Geometry because a unit may come out as a MultiPolygon.
/// </summary>
public sealed class GeographyModel
{
    public required string CityCode { get; init; }

    public required Geometry City { get; init; }

    public required IReadOnlyDictionary<string, Geometry> Counties { get; init; }

    public required IReadOnlyDictionary<string, Geometry> Townships { get; init; }

    public required IReadOnlyDictionary<string, Geometry> Villages { get; init; }

    /// <summary>Grid id → cell, in ordinal id order.</summary>
    public required IReadOnlyDictionary<string, GridCell> Grids { get; init; }

    /// <summary>Division code or grid id → its parent's code (county → city, grid id → village code).</summary>
    public required IReadOnlyDictionary<string, string> ParentCodes { get; init; }

    /// <summary>Division code or grid id → a point strictly inside it (the centroid when that is inside).</summary>
    public required IReadOnlyDictionary<string, Point> RepresentativePoints { get; init; }

    public required IReadOnlyDictionary<string, Division> Divisions { get; init; }

    /// <summary>The geometry of a division code or grid id, or null when unknown.</summary>
    public Geometry? GeometryOf(string code) =>
        code == CityCode ? City
        : Counties.TryGetValue(code, out var county) ? county
        : Townships.TryGetValue(code, out var township) ? township
        : Villages.TryGetValue(code, out var village) ? village
        : Grids.TryGetValue(code, out var grid) ? grid.Polygon
        : null;

    public IEnumerable<GridCell> GridsOf(string villageCode) =>
        Grids.Values.Where(g => g.VillageCode == villageCode);

    public LocateIndex CreateLocateIndex() => LocateIndex.Create(Grids.Values, ParentCodes);
}
