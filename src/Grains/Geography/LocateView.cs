using Grid.Contracts;
using Grid.Geo;
using NetTopologySuite.Geometries;

namespace Grid.Grains.Geography;

/// <summary>
/// One immutable version of the city's index: the base geography with the overrides applied. The
/// owner grain and every silo's replica build the same view from the same (model, overrides).
/// </summary>
public sealed class LocateView
{
    private readonly GeographyModel _model;

    public LocateView(GeographyModel model, IEnumerable<GridOverride> overrides, int version)
    {
        _model = model;
        Version = version;
        var outlines = new Dictionary<string, GridOutline>(StringComparer.Ordinal);
        var polygons = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        foreach (var cell in model.Grids.Values)
        {
            polygons[cell.GridId] = cell.Polygon;
            outlines[cell.GridId] = new GridOutline(cell.GridId, GridNames.For(model.Divisions[cell.VillageCode].Name, cell.GridId), cell.VillageCode, "");
        }
        foreach (var o in overrides)
        {
            outlines.Remove(o.GridId);
            polygons.Remove(o.GridId);
            if (o.Removed || o.Wkt is null) continue;
            polygons[o.GridId] = Wkt.Read(o.Wkt);
            outlines[o.GridId] = new GridOutline(o.GridId, o.Name, o.VillageCode, "");
        }
        // WKT stays out of the outlines (written per answer) to keep the activation light.
        Index = LocateIndex.Create(polygons.Select(p => new GridCell(p.Key, outlines[p.Key].VillageCode, p.Value)), model.ParentCodes);
        Polygons = polygons;
        Outlines = outlines;
    }

    public int Version { get; }
    public LocateIndex Index { get; }
    public IReadOnlyDictionary<string, GridOutline> Outlines { get; }
    public IReadOnlyDictionary<string, Geometry> Polygons { get; }

    public GridLocation? Locate(double lat, double lng) => Index.Locate(lat, lng) is { } hit
        ? new(Named(hit.CountyCode), Named(hit.TownshipCode), Named(hit.VillageCode), new CodeName(hit.GridId, Outlines[hit.GridId].Name))
        : null;

    public IReadOnlyList<string?> LocateMany(IReadOnlyList<GeoPoint> points) => [.. points.Select(p => Index.Locate(p.Lat, p.Lng)?.GridId)];

    public IReadOnlyList<GridOutline> GridsIn(string regionCode) => [.. Outlines.Values
        .Where(o => RegionCodes.Contains(regionCode, o.VillageCode))
        .OrderBy(o => o.GridId, StringComparer.Ordinal)
        .Select(o => o with { Wkt = Wkt.Write(Polygons[o.GridId]) })];

    private CodeName Named(string code) => new(code, _model.Divisions[code].Name);
}
