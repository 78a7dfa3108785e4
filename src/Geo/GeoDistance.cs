namespace Grid.Geo;

/// <summary>The one great-circle distance of the codebase: dispatch, the gateway and the planner all use it.</summary>
public static class GeoDistance
{
    /// <summary>Mean Earth radius (IUGG), metres.</summary>
    public const double EarthRadiusMeters = 6371008.8;

    public const double EarthRadiusKm = EarthRadiusMeters / 1000;

    /// <summary>Great-circle distance in metres between two WGS84 points given in degrees.</summary>
    public static double HaversineMeters(double lat1, double lng1, double lat2, double lng2)
    {
        var phi1 = ToRadians(lat1);
        var phi2 = ToRadians(lat2);
        var dPhi = ToRadians(lat2 - lat1);
        var dLambda = ToRadians(lng2 - lng1);
        var h = Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2)
            + Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    public static double HaversineKm(double lat1, double lng1, double lat2, double lng2) =>
        HaversineMeters(lat1, lng1, lat2, lng2) / 1000;

    /// <summary>
    /// All pairwise distances in kilometres, row-major (n × n). The same great circle as
    /// <see cref="HaversineKm"/>, computed from unit vectors (arc = 2R·asin(chord/2)) so that
    /// a planner's n² matrix costs n trigonometric evaluations rather than n².
    /// </summary>
    public static double[] PairwiseKm(IReadOnlyList<double> lat, IReadOnlyList<double> lng)
    {
        var points = new UnitPoints(lat, lng);
        var n = lat.Count;
        var dist = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                var d = points.Km(a, b);
                dist[a * n + b] = d;
                dist[b * n + a] = d;
            }
        }
        return dist;
    }

    /// <summary>
    /// Points as unit vectors, for great-circle distances on demand where an n² matrix would not
    /// fit: 24 bytes a point, one square root and one arcsine a distance.
    /// </summary>
    public sealed class UnitPoints
    {
        private readonly double[] _x, _y, _z;

        public UnitPoints(IReadOnlyList<double> lat, IReadOnlyList<double> lng)
        {
            var n = lat.Count;
            (_x, _y, _z) = (new double[n], new double[n], new double[n]);
            for (var i = 0; i < n; i++)
            {
                double phi = ToRadians(lat[i]), lambda = ToRadians(lng[i]);
                (_x[i], _y[i], _z[i]) = (Math.Cos(phi) * Math.Cos(lambda), Math.Cos(phi) * Math.Sin(lambda), Math.Sin(phi));
            }
        }

        public double Km(int a, int b)
        {
            double dx = _x[a] - _x[b], dy = _y[a] - _y[b], dz = _z[a] - _z[b];
            return 2 * EarthRadiusKm * Math.Asin(Math.Min(1.0, Math.Sqrt(dx * dx + dy * dy + dz * dz) / 2));
        }
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
