using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using NetTopologySuite.Precision;

namespace Grid.Geo;

/// <summary>The outcome of checking a user-supplied polygon; <see cref="Polygon"/> is it on the precision grid.</summary>
public sealed record PolygonValidation(bool IsValid, string? Reason, Geometry? Polygon)
{
    public static PolygonValidation Fail(string reason) => new(false, reason, null);
}

public static class PolygonValidator
{
    /// <summary>
    /// Accepts a non-empty, valid Polygon or MultiPolygon in WGS84 longitude/latitude degrees, and
    /// returns it rounded to <see cref="GeoFactory.Precision"/>; otherwise a reason a person can act on.
    /// </summary>
    public static PolygonValidation Validate(Geometry? geometry)
    {
        if (geometry is null || geometry.IsEmpty)
        {
            return PolygonValidation.Fail("The geometry is empty; send a GeoJSON Polygon.");
        }
        if (geometry is not (Polygon or MultiPolygon))
        {
            return PolygonValidation.Fail($"The geometry is a {geometry.GeometryType}; send a GeoJSON Polygon or MultiPolygon.");
        }
        foreach (var c in geometry.Coordinates)
        {
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90)
            {
                return PolygonValidation.Fail(
                    $"Coordinate [{c.X}, {c.Y}] is outside WGS84 range; positions are [longitude, latitude] in degrees.");
            }
        }
        var error = new IsValidOp(geometry).ValidationError;
        if (error is not null)
        {
            return PolygonValidation.Fail($"The polygon is invalid: {error.Message} near [{error.Coordinate?.X}, {error.Coordinate?.Y}].");
        }
        var reduced = GeometryPrecisionReducer.Reduce(geometry, GeoFactory.Precision);
        if (reduced.IsEmpty || reduced.Area <= 0 || !reduced.IsValid)
        {
            return PolygonValidation.Fail("The polygon has no area at 1e-7 degree precision.");
        }
        var result = GeoFactory.Factory.CreateGeometry(reduced);
        return new PolygonValidation(true, null, result);
    }
}
