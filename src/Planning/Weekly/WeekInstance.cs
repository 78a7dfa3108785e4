namespace Grid.Planning.Weekly;

/// <summary>How often a resident is visited under their care level.</summary>
public enum CareLevel
{
    Weekly,
    Fortnightly,
    Monthly,
}

/// <summary>
/// A week of care visits: the workers (each on the days it works, 1 = Monday … 7 = Sunday) and the
/// residents' care needs. Week <see cref="WeekNumber"/> decides which fortnightly and monthly visits
/// fall due: a need with phase k is due when (week − k) is a multiple of 2 (fortnightly) or 4 (monthly).
/// </summary>
public sealed record WeekInstance(
    string Name,
    int WeekNumber,
    double SpeedKmh,
    double DetourFactor,
    IReadOnlyList<WeekWorker> Workers,
    IReadOnlyList<CareNeed> Needs);

public sealed record WeekWorker(Worker Worker, IReadOnlyList<int> Days);

/// <summary>A resident's recurring care visit: where, how long, its level and phase, the days and hours it may take place, and the worker who knows them.</summary>
public sealed record CareNeed(
    string ResidentId,
    double Lat,
    double Lng,
    CareLevel Level,
    int Phase,
    int DurationMin,
    int Earliest,
    int Latest,
    IReadOnlyList<int> AllowedDays,
    string? FamiliarWorkerId,
    IReadOnlyList<string> Skills)
{
    public bool DueIn(int week) => Level switch
    {
        CareLevel.Weekly => true,
        CareLevel.Fortnightly => Mod(week - Phase, 2) == 0,
        _ => Mod(week - Phase, 4) == 0,
    };

    private static int Mod(int a, int m) => ((a % m) + m) % m;
}

/// <summary>The week's plan: one day instance and plan per working day, and the needs no day could take.</summary>
public sealed record WeekPlan(IReadOnlyList<DayPlan> Days, IReadOnlyList<string> NotDue, IReadOnlyList<string> Unplaced, int FamiliarVisits, int Visits);

public sealed record DayPlan(int Day, PlanningInstance Instance, Plan Plan);
