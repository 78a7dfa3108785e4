namespace Grid.Planning;

/// <summary>A plan ("grid-plan/1"). Stop times are minutes after midnight (grid) or the file's units (Solomon).</summary>
public sealed record Plan(IReadOnlyList<PlanRoute> Routes, IReadOnlyList<string> Unassigned, PlanMetrics Metrics);

public sealed record PlanRoute(string WorkerId, IReadOnlyList<PlanStop> Stops, PlanBreak? Break = null);

/// <summary>When a worker's break is taken (minutes after midnight).</summary>
public sealed record PlanBreak(double Start, double End);

public sealed record PlanStop(string VisitId, double Arrive, double Start, double End);

public sealed record PlanMetrics(
    double TravelKm,
    int Assigned,
    int FamiliarVisits,
    double Cost,
    int MaxVisits,
    double MeanVisits,
    PlanWorkload? Workload = null,
    double? TravelMinutes = null);

/// <summary>
/// Working minutes (travel + service, waiting and breaks excluded) over all the day's workers, idle
/// ones at 0: the least, the most, max − min and the standard deviation; FairnessCost is the objective's
/// fairnessWeight × Σ (hours)² term, included in the plan's cost.
/// </summary>
public sealed record PlanWorkload(double MinMinutes, double MaxMinutes, double SpreadMinutes, double StdDevMinutes, double FairnessCost);
