namespace Grid.Planning;

/// <summary>One day of visits in one area ("grid-visits/1").</summary>
public sealed record PlanningInstance(
    string Name,
    double SpeedKmh,
    double DetourFactor,
    IReadOnlyList<Worker> Workers,
    IReadOnlyList<Visit> Visits,
    double FairnessWeight = 0);

/// <summary>A worker who starts and ends the day at its own location. Times are minutes after midnight.</summary>
public sealed record Worker(
    string Id,
    double Lat,
    double Lng,
    int Start,
    int End,
    int MaxVisits,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Familiar,
    WorkerBreak? Break = null,
    TravelMode? Mode = null,
    double? SpeedKmh = null);

/// <summary>A break of <paramref name="Minutes"/> that starts between Earliest and Latest, taken wherever the worker is between visits (travel may pause).</summary>
public sealed record WorkerBreak(int Earliest, int Latest, int Minutes);

/// <summary>A visit whose service starts between Earliest and Latest (minutes after midnight).</summary>
public sealed record Visit(
    string Id,
    string ResidentId,
    double Lat,
    double Lng,
    int DurationMin,
    int Earliest,
    int Latest,
    IReadOnlyList<string> Skills,
    int Priority);
