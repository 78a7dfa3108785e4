using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Precision;

namespace Grid.Geo;

/// <summary>
/// Deterministic SYNTHETIC geometry for real division codes (no open boundaries exist for Xianning):
/// the city is a buffered hull of the real county seats; counties are Voronoi cells of the seats,
/// townships, villages and grids are Voronoi cells of generated points inside their parent (a seat
/// township's generator is its county seat). Label it synthetic wherever it is shown.
/// </summary>
public static class SyntheticGeography
{
    /// <summary>How far (degrees) the city outline reaches beyond the hull of the county seats.</summary>
    public const double CityBufferDegrees = 0.2;

    public static string GridId(string villageCode, int number) => $"{villageCode}-G{number:00}";

    public static GeographyModel Build(
        IReadOnlyList<Division> divisions, IReadOnlyList<CountySeat> seats, int gridsPerVillage = 5, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gridsPerVillage, 1);
        if (seats.Count == 0)
        {
            throw new ArgumentException("At least one county seat is needed to place the city.", nameof(seats));
        }
        var city = divisions.Single(d => d.Level == DivisionLevel.City);
        var children = divisions.Where(d => d.Level != DivisionLevel.City)
            .GroupBy(d => d.ParentCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(d => d.Code12).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var fixedAt = new Dictionary<string, Coordinate>(StringComparer.Ordinal);
        foreach (var seat in seats)
        {
            var at = PolygonPoints.Snap(new Coordinate(seat.Lng, seat.Lat));
            fixedAt[seat.CountyCode12] = at;
            fixedAt[seat.SeatTownshipCode12] = at;
        }
        IReadOnlyList<string> ChildrenOf(string code) =>
            children.TryGetValue(code, out var list) ? list : throw new InvalidDataException($"Division {code} has no children.");
        Coordinate? FixedAt(string code) => fixedAt.GetValueOrDefault(code);
        IReadOnlyList<string> GridsOf(string village) => [.. Enumerable.Range(1, gridsPerVillage).Select(n => GridId(village, n))];

        var outline = CityOutline(seats);
        var linework = new List<Geometry> { outline.Boundary };
        var subdivider = new LevelSubdivider(seed);
        var counties = Merge(subdivider.Subdivide(new Dictionary<string, Geometry> { [city.Code12] = outline }, ChildrenOf, FixedAt, linework));
        var townships = Merge(subdivider.Subdivide(counties, ChildrenOf, FixedAt, linework));
        var villages = Merge(subdivider.Subdivide(townships, ChildrenOf, FixedAt, linework));
        var gridFaces = subdivider.Subdivide(villages, GridsOf, FixedAt, linework);

        var parentCodes = divisions.Where(d => d.Level != DivisionLevel.City)
            .ToDictionary(d => d.Code12, d => d.ParentCode, StringComparer.Ordinal);
        foreach (var village in villages.Keys)
        {
            foreach (var gridId in GridsOf(village))
            {
                parentCodes[gridId] = village;
            }
        }
        return ModelAssembler.Assemble(city.Code12, divisions, parentCodes, gridFaces);
    }

    private static Geometry CityOutline(IReadOnlyList<CountySeat> seats)
    {
        var points = GeoFactory.Factory.CreateMultiPointFromCoords([.. seats.Select(s => new Coordinate(s.Lng, s.Lat))]);
        var buffered = BufferOp.Buffer(points.ConvexHull(), CityBufferDegrees, 4);
        return GeometryPrecisionReducer.Reduce(buffered, GeoFactory.Precision);
    }

    private static Dictionary<string, Geometry> Merge(Dictionary<string, List<Polygon>> faces) =>
        faces.ToDictionary(f => f.Key, f => PlanarArrangement.Merge(f.Value), StringComparer.Ordinal);
}
