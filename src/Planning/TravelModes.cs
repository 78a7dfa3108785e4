namespace Grid.Planning;

/// <summary>How a worker travels; each mode has a default speed, and a worker's own speedKmh overrides it.</summary>
public enum TravelMode
{
    Foot,
    EBike,
    Car,
}

public static class TravelModes
{
    /// <summary>Door-to-door speeds on the road network (the instance's detour factor turns great-circle km into road km).</summary>
    public static double DefaultKmh(TravelMode mode) => mode switch
    {
        TravelMode.Foot => 4.5,
        TravelMode.EBike => 15,
        _ => 30,
    };

    /// <summary>The worker's own speed, else its mode's, else the instance's speedKmh.</summary>
    public static double SpeedKmh(PlanningInstance instance, Worker worker) =>
        worker.SpeedKmh ?? (worker.Mode is { } mode ? DefaultKmh(mode) : instance.SpeedKmh);

    public static string Name(TravelMode mode) => mode switch
    {
        TravelMode.Foot => "foot",
        TravelMode.EBike => "ebike",
        _ => "car",
    };

    public static TravelMode Parse(string text, string path) => text switch
    {
        "foot" => TravelMode.Foot,
        "ebike" => TravelMode.EBike,
        "car" => TravelMode.Car,
        _ => throw new PlanningFormatException($"{path}.mode is '{text}'; use foot, ebike or car"),
    };
}
