namespace Grid.Gateway.Apis.Common;

/// <summary>A WGS84 point a caller sends: finite degrees in range (NaN and infinities bind as doubles, and cannot be written back as JSON).</summary>
public static class Points
{
    public static void Check(Dictionary<string, string[]> errors, double lat, double lng, string latField, string lngField)
    {
        if (!double.IsFinite(lat) || lat is < -90 or > 90) errors[latField] = ["Latitude is a WGS84 degree between -90 and 90."];
        if (!double.IsFinite(lng) || lng is < -180 or > 180) errors[lngField] = ["Longitude is a WGS84 degree between -180 and 180."];
    }
}
