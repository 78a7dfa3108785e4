namespace Grid.Planning;

/// <summary>How a VRPTW instance turns coordinates into travel distance (and time).</summary>
public enum DistanceRounding
{
    /// <summary>Exact Euclidean distance in doubles (Solomon's usual convention).</summary>
    Exact,
    /// <summary>Euclidean distance truncated to one decimal, as the DIMACS 2021 VRPTW rules and their best-known costs use.</summary>
    TruncateOneDecimal,
}

/// <summary>A Solomon-style VRPTW instance: a homogeneous fleet from one depot (Solomon text or VRPLIB files).</summary>
public sealed record SolomonInstance(
    string Name,
    int VehicleCount,
    int Capacity,
    SolomonCustomer Depot,
    IReadOnlyList<SolomonCustomer> Customers,
    DistanceRounding Rounding = DistanceRounding.Exact)
{
    /// <summary>Travel distance between two customers under this instance's rounding; travel time equals it.</summary>
    public double Distance(SolomonCustomer a, SolomonCustomer b) => Distance(a.X, a.Y, b.X, b.Y, Rounding);

    public static double Distance(double ax, double ay, double bx, double by, DistanceRounding rounding)
    {
        var dx = ax - bx;
        var dy = ay - by;
        var squared = dx * dx + dy * dy;
        // floor(sqrt(100 d²)) is exact for integer coordinates, where floor(10 sqrt(d²)) can fall just below a whole tenth.
        return rounding == DistanceRounding.TruncateOneDecimal ? Math.Floor(Math.Sqrt(100 * squared)) / 10 : Math.Sqrt(squared);
    }
}

public sealed record SolomonCustomer(int Number, double X, double Y, int Demand, double Ready, double Due, double Service);
