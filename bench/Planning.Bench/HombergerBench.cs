using System.Diagnostics;
using System.Globalization;

namespace Grid.Planning.Bench;

/// <summary>
/// Gehring–Homberger 1,000-customer VRPTW (VRPLIB + .sol): this planner and OR-Tools GLS at the same
/// budget, gaps to the best-known costs under the DIMACS one-decimal truncation.
/// </summary>
internal static class HombergerBench
{
    public static int Run(string[] args)
    {
        var seconds = BenchArgs.Seconds(args, 60);
        var skipOrTools = args.Contains("--no-ortools");
        var folder = BenchArgs.Option(args, "--data") ?? Path.Combine(BenchArgs.RepoRoot(), "tests", "Planning.Tests", "Data", "homberger");
        var files = BenchArgs.Files(args, folder, "*.vrp");
        var budget = TimeSpan.FromSeconds(seconds);
        Console.WriteLine($"Gehring–Homberger VRPTW from {folder}, {seconds.ToString(CultureInfo.InvariantCulture)} s per instance per solver, one thread, seed 1; costs under DIMACS one-decimal truncation");
        Console.WriteLine($"{"instance",-9} {"planner",9} {"veh",4} {"gap %",6} {"valid",5} {"or-tools",9} {"veh",4} {"gap %",6} {"valid",5} {"BKS",9} {"BKS veh",7} {"BKS valid",9}");
        var gaps = new List<double>();
        var orGaps = new List<double>();
        var invalid = 0;
        foreach (var file in files)
        {
            var instance = VrplibReader.ReadFile(file);
            var solution = VrplibReader.ReadSolution(Path.ChangeExtension(file, ".sol"));
            var bksPlan = SolomonPlanner.FromRoutes(instance, solution.Routes);
            var bksValid = PlanValidator.Validate(instance, bksPlan).Count == 0 && Math.Abs(bksPlan.Metrics.TravelKm - solution.Cost) < 0.05;
            var (plan, valid) = Measure(instance, () => SolomonPlanner.Solve(instance, budget));
            var gap = Gap(plan, solution.Cost);
            gaps.Add(gap);
            if (!valid) invalid++;
            var orText = $"{"-",9} {"-",4} {"-",6} {"-",5}";
            if (!skipOrTools)
            {
                var (orPlan, orValid) = Measure(instance, () => OrToolsVrptw.Solve(instance, budget));
                var orGap = Gap(orPlan, solution.Cost);
                orGaps.Add(orGap);
                orText = string.Create(CultureInfo.InvariantCulture, $"{orPlan.Metrics.TravelKm,9:F1} {orPlan.Routes.Count,4} {orGap,6:F2} {Yes(orValid),5}");
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{instance.Name,-9} {plan.Metrics.TravelKm,9:F1} {plan.Routes.Count,4} {gap,6:F2} {Yes(valid),5} {orText} {solution.Cost,9:F1} {solution.Routes.Count,7} {Yes(bksValid),9}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean gap planner: {gaps.Average():F2}% over {gaps.Count} instances; invalid plans: {invalid}"));
        if (orGaps.Count > 0) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean gap OR-Tools GLS: {orGaps.Average():F2}% over {orGaps.Count} instances"));
        return invalid == 0 ? 0 : 1;
    }

    /// <summary>A plan that leaves customers unserved has no gap to speak of; it shows as infinite.</summary>
    private static double Gap(Plan plan, double best) =>
        plan.Unassigned.Count > 0 || plan.Routes.Count == 0 ? double.PositiveInfinity : 100 * (plan.Metrics.TravelKm - best) / best;

    private static (Plan Plan, bool Valid) Measure(SolomonInstance instance, Func<Plan> solve)
    {
        var clock = Stopwatch.StartNew();
        var plan = solve();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {instance.Name}: solved in {clock.Elapsed.TotalSeconds:F1} s"));
        var violations = PlanValidator.Validate(instance, plan);
        foreach (var v in violations.Take(3)) Console.Error.WriteLine($"  {instance.Name}: {v}");
        return (plan, violations.Count == 0);
    }

    private static string Yes(bool value) => value ? "yes" : "NO";
}
