using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Grid.Geo;

/// <summary>GeoJSON (RFC 7946) in and out through NetTopologySuite.IO.GeoJSON4STJ.</summary>
public static class GeoJson
{
    /// <summary>Serializer options with the GeoJSON converters; reading keeps full double precision.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Adds the GeoJSON converters to options the caller owns (e.g. ASP.NET Core's JSON options).</summary>
    public static void AddGeoJsonConverters(JsonSerializerOptions options) =>
        options.Converters.Add(new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), GeoFactory.Srid)));

    public static string ToJson(Geometry geometry) => JsonSerializer.Serialize(geometry, Options);

    /// <summary>Parses a GeoJSON geometry object; throws <see cref="JsonException"/> when it is not one.</summary>
    public static Geometry ParseGeometry(string json) =>
        JsonSerializer.Deserialize<Geometry>(json, Options) ?? throw new JsonException("The GeoJSON geometry is null.");

    public static Feature ToFeature(Geometry geometry, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var attributes = new AttributesTable();
        foreach (var (name, value) in properties)
        {
            attributes.Add(name, value!);
        }
        return new Feature(geometry, attributes);
    }

    public static string ToJson(IFeature feature) => JsonSerializer.Serialize(feature, Options);

    public static string ToJson(FeatureCollection features) => JsonSerializer.Serialize(features, Options);

    public static IFeature ParseFeature(string json) =>
        JsonSerializer.Deserialize<IFeature>(json, Options) ?? throw new JsonException("The GeoJSON feature is null.");

    public static FeatureCollection ParseFeatureCollection(string json) =>
        JsonSerializer.Deserialize<FeatureCollection>(json, Options) ?? throw new JsonException("The GeoJSON feature collection is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        AddGeoJsonConverters(options);
        return options;
    }
}
