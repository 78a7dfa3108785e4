using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Grid.Portal.Services;

/// <summary>A polygon feature drawn as an SVG path in Web Mercator units (so tiles, when configured, line up).</summary>
public sealed record MapShape(string Id, string Name, string VillageCode, IReadOnlyList<string> WorkerIds, string Path);

/// <summary>A raster tile placed under the shapes.</summary>
public sealed record MapTile(string Url, double X, double Y, double Size);

/// <summary>GeoJSON polygons → SVG paths. Coordinates are Web Mercator scaled to 0…Scale over the world.</summary>
public static class MapModel
{
    public const double Scale = 1_000_000;

    public static (double X, double Y) Project(double lng, double lat)
    {
        var s = Math.Sin(lat * Math.PI / 180);
        return ((lng + 180) / 360 * Scale, (0.5 - Math.Log((1 + s) / (1 - s)) / (4 * Math.PI)) * Scale);
    }

    /// <summary>The inverse of <see cref="Project"/>: map units back to WGS84 longitude and latitude.</summary>
    public static (double Lng, double Lat) Unproject(double x, double y) =>
        (x / Scale * 360 - 180, Math.Atan(Math.Sinh(Math.PI * (1 - 2 * y / Scale))) * 180 / Math.PI);

    /// <summary>The features of a FeatureCollection, reading id, name, villageCode and workerIds from properties.</summary>
    public static List<MapShape> Features(string geoJson)
    {
        using var doc = JsonDocument.Parse(geoJson);
        var shapes = new List<MapShape>();
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object ? props : default;
            string Prop(string name) => p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            var workers = p.ValueKind == JsonValueKind.Object && p.TryGetProperty("workerIds", out var w) && w.ValueKind == JsonValueKind.Array
                ? w.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
            shapes.Add(new MapShape(Prop("id"), Prop("name"), Prop("villageCode"), workers, Path(f.GetProperty("geometry"))));
        }
        return shapes;
    }

    /// <summary>Regions with a boundary as shapes keyed by their codes (regions without one are left out).</summary>
    public static List<MapShape> Regions(IEnumerable<Grid.Contracts.RegionDetailDto> regions) =>
        [.. regions.Where(d => d.Geometry is JsonElement).Select(d => new MapShape(d.Region.Code, d.Region.Name, d.Region.Code, [], Path((JsonElement)d.Geometry!)))];

    /// <summary>An SVG path for a GeoJSON Polygon or MultiPolygon geometry (holes drawn with even-odd fill).</summary>
    public static string Path(JsonElement geometry)
    {
        var text = new StringBuilder();
        var type = geometry.GetProperty("type").GetString();
        var coordinates = geometry.GetProperty("coordinates");
        if (type == "Polygon") Polygon(coordinates, text);
        else if (type == "MultiPolygon") foreach (var polygon in coordinates.EnumerateArray()) Polygon(polygon, text);
        return text.ToString();
    }

    private static void Polygon(JsonElement rings, StringBuilder text)
    {
        foreach (var ring in rings.EnumerateArray())
        {
            var first = true;
            foreach (var point in ring.EnumerateArray())
            {
                var (x, y) = Project(point[0].GetDouble(), point[1].GetDouble());
                text.Append(first ? 'M' : 'L').Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(' ').Append(y.ToString("0.#", CultureInfo.InvariantCulture));
                first = false;
            }
            text.Append('Z');
        }
    }

    /// <summary>The bounding box of paths written by this class: min x, min y, width, height.</summary>
    public static (double X, double Y, double W, double H) Bounds(IEnumerable<string> paths)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var path in paths)
            foreach (var part in path.Split(['M', 'L', 'Z'], StringSplitOptions.RemoveEmptyEntries))
            {
                var xy = part.Split(' ');
                var (x, y) = (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture));
                (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
            }
        return minX > maxX ? (0, 0, 1, 1) : (minX, minY, maxX - minX, maxY - minY);
    }

    /// <summary>XYZ tiles covering the box at a zoom that gives a handful of tiles across; none without a template.</summary>
    public static List<MapTile> Tiles(string? template, (double X, double Y, double W, double H) box)
    {
        if (string.IsNullOrWhiteSpace(template) || box.W <= 0) return [];
        var zoom = Math.Clamp((int)Math.Floor(Math.Log2(4 * Scale / box.W)), 0, 18);
        var size = Scale / (1 << zoom);
        var tiles = new List<MapTile>();
        for (var tx = (int)(box.X / size); tx * size < box.X + box.W; tx++)
            for (var ty = (int)(box.Y / size); ty * size < box.Y + box.H; ty++)
                tiles.Add(new MapTile(template.Replace("{z}", zoom.ToString(CultureInfo.InvariantCulture))
                    .Replace("{x}", tx.ToString(CultureInfo.InvariantCulture)).Replace("{y}", ty.ToString(CultureInfo.InvariantCulture)),
                    tx * size, ty * size, size));
        return tiles;
    }
}
