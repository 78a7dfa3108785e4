using NetTopologySuite.Geometries;

namespace Grid.Geo;

/// <summary>Builds every level from the final grid faces, so all levels are unions of one arrangement's faces.</summary>
internal static class ModelAssembler
{
    public static GeographyModel Assemble(
        string cityCode,
        IReadOnlyList<Division> divisions,
        IReadOnlyDictionary<string, string> parentCodes,
        Dictionary<string, List<Polygon>> gridFaces)
    {
        var byCode = divisions.ToDictionary(d => d.Code12, StringComparer.Ordinal);
        var facesOf = new Dictionary<string, List<Polygon>>(StringComparer.Ordinal);
        foreach (var gridId in gridFaces.Keys.Order(StringComparer.Ordinal))
        {
            for (var code = gridId; ; code = parentCodes[code])
            {
                if (!facesOf.TryGetValue(code, out var list))
                {
                    facesOf[code] = list = [];
                }
                list.AddRange(gridFaces[gridId]);
                if (code == cityCode)
                {
                    break;
                }
            }
        }
        var missing = divisions.Where(d => !facesOf.ContainsKey(d.Code12)).Select(d => d.Code12).FirstOrDefault();
        if (missing is not null)
        {
            throw new InvalidOperationException($"Division {missing} received no area.");
        }
        var geometry = facesOf.ToDictionary(f => f.Key, f => PlanarArrangement.Merge(f.Value), StringComparer.Ordinal);

        Dictionary<string, Geometry> Level(DivisionLevel level) =>
            divisions.Where(d => d.Level == level).OrderBy(d => d.Code12, StringComparer.Ordinal)
                .ToDictionary(d => d.Code12, d => geometry[d.Code12], StringComparer.Ordinal);

        var grids = gridFaces.Keys.Order(StringComparer.Ordinal)
            .ToDictionary(id => id, id => new GridCell(id, parentCodes[id], geometry[id]), StringComparer.Ordinal);
        var representative = geometry.ToDictionary(g => g.Key, g => PolygonPoints.RepresentativePoint(g.Value), StringComparer.Ordinal);
        return new GeographyModel
        {
            CityCode = cityCode,
            City = geometry[cityCode],
            Counties = Level(DivisionLevel.County),
            Townships = Level(DivisionLevel.Township),
            Villages = Level(DivisionLevel.Village),
            Grids = grids,
            ParentCodes = parentCodes,
            RepresentativePoints = representative,
            Divisions = byCode,
        };
    }
}
