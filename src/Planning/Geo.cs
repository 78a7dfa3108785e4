namespace Grid.Planning;

public static class Geo
{
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle (haversine) distance in kilometres.</summary>
    public static double GreatCircleKm(double lat1, double lng1, double lat2, double lng2)
    {
        var phi1 = ToRadians(lat1);
        var phi2 = ToRadians(lat2);
        var dPhi = ToRadians(lat2 - lat1);
        var dLambda = ToRadians(lng2 - lng1);
        var a = Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2)
              + Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }

    public static double ToRadians(double degrees) => degrees * Math.PI / 180.0;
}
