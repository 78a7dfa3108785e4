namespace Grid.Planning;

/// <summary>A Solomon VRPTW instance: a homogeneous fleet from one depot.</summary>
public sealed record SolomonInstance(
    string Name,
    int VehicleCount,
    int Capacity,
    SolomonCustomer Depot,
    IReadOnlyList<SolomonCustomer> Customers)
{
    public static double Distance(SolomonCustomer a, SolomonCustomer b)
    {
        var dx = a.X - b.X;
        var dy = a.Y - b.Y;
        return Math.Sqrt(dx * dx + dy * dy);
    }
}

public sealed record SolomonCustomer(int Number, double X, double Y, int Demand, double Ready, double Due, double Service);
