namespace Grid.Planning;

/// <summary>One day of visits in one area ("grid-visits/1").</summary>
public sealed record PlanningInstance(
    string Name,
    double SpeedKmh,
    double DetourFactor,
    IReadOnlyList<Worker> Workers,
    IReadOnlyList<Visit> Visits,
    double FairnessWeight = 0,
    Overtime? Overtime = null,
    string? County = null)
{
    /// <summary>Road km per great-circle km: the county's (<see cref="CountyRoadFactors"/>) when it names a listed one, else <see cref="DetourFactor"/>.</summary>
    public double RoadFactor => CountyRoadFactors.For(County) ?? DetourFactor;

    /// <summary>The latest a worker may be back: the end of its shift, plus the overtime allowed.</summary>
    public int LatestBack(Worker worker) => worker.End + (Overtime?.MaxMinutes ?? 0);

    /// <summary>The overtime term of a route back home at <paramref name="back"/> (minutes after midnight).</summary>
    public double OvertimeCost(Worker worker, double back) => Overtime is { } o ? o.CostPerMinute * Math.Max(0, back - worker.End) : 0;
}

/// <summary>Overtime allowed up to <paramref name="MaxMinutes"/> past a worker's end, at <paramref name="CostPerMinute"/> in the plan's cost; absent: not allowed.</summary>
public sealed record Overtime(double CostPerMinute, int MaxMinutes);

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

/// <summary>
/// A visit whose service starts between Earliest and Latest (minutes after midnight). A visit with a
/// <paramref name="WorkerId"/> is committed to that worker (a task the worker has accepted): only it may make it.
/// </summary>
public sealed record Visit(
    string Id,
    string ResidentId,
    double Lat,
    double Lng,
    int DurationMin,
    int Earliest,
    int Latest,
    IReadOnlyList<string> Skills,
    int Priority,
    string? WorkerId = null);
