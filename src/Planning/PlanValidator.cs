namespace Grid.Planning;

/// <summary>
/// Checks a plan against every rule of the planning format. Returns human-readable violations;
/// an empty list means the plan is valid. Metrics are recomputed here, independently of the solver.
/// </summary>
public static class PlanValidator
{
    /// <summary>Claimed "HH:mm" times may differ from exact ones by the clock's resolution.</summary>
    public const double ClockToleranceMin = 1.0;
    public const double KmTolerance = 0.01;
    public const double SolomonTolerance = 1e-6;

    public static IReadOnlyList<string> Validate(PlanningInstance instance, Plan plan) =>
        new GridPlanChecker(instance, plan).Check();

    public static IReadOnlyList<string> Validate(SolomonInstance instance, Plan plan) =>
        new SolomonPlanChecker(instance, plan).Check();

    internal static bool Near(double claimed, double actual, double tolerance) =>
        Math.Abs(claimed - actual) <= tolerance + 1e-9 * Math.Abs(actual);
}
