namespace Grid.Planning;

/// <summary>
/// Where a worker's break fits between two fixed events: after being free at <paramref name="free"/>
/// (a visit's end, or the day's start) and before <paramref name="due"/> (the next service start, or
/// the day's end), with <paramref name="travel"/> minutes of travel in between, which may pause for the break.
/// </summary>
public static class BreakRule
{
    public static bool Fits(WorkerBreak rule, double free, double due, double travel, out double start)
    {
        start = Math.Max(free, rule.Earliest);
        return start <= rule.Latest + Solver.Schedule.Eps
            && start + rule.Minutes <= due + Solver.Schedule.Eps
            && free + travel + rule.Minutes <= due + Solver.Schedule.Eps;
    }
}
