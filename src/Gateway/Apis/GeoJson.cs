using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Grid.Gateway.Apis;

/// <summary>GeoJSON (RFC 7946) for NetTopologySuite geometries in API answers.</summary>
public static class GeoJson
{
    public static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    public static JsonNode? ToGeometryNode(Geometry geometry) => JsonSerializer.SerializeToNode(geometry, Options);
}
