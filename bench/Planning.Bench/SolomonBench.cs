using System.Diagnostics;
using System.Globalization;

namespace Grid.Planning.Bench;

/// <summary>All Solomon instances at a fixed budget each; gap to the best-known distance, and with --ortools OR-Tools GLS at the same budget.</summary>
internal static class SolomonBench
{
    public static int Run(string[] args)
    {
        var seconds = BenchArgs.Seconds(args, 10);
        var folder = Path.Combine(BenchArgs.RepoRoot(), "data", "solomon");
        var bks = SolomonReader.ReadBks(Path.Combine(folder, "BKS.json"));
        var files = BenchArgs.Files(args, folder, "*.txt");
        var withOrTools = args.Contains("--ortools");
        Console.WriteLine($"Solomon VRPTW, {seconds.ToString(CultureInfo.InvariantCulture)} s per instance, one thread, seed 1; gap vs best-known distance (BKS.json *_distance)");
        Console.WriteLine($"{"instance",-8} {"distance",10} {"veh",4} {"BKS",9} {"BKS veh",7} {"gap %",7} {"valid",5} {"s",6}" + (withOrTools ? $" {"or-tools",9} {"gap %",7} {"valid",5}" : ""));
        var gaps = new Dictionary<string, List<double>>();
        var orGaps = new List<double>();
        var invalid = 0;
        foreach (var file in files)
        {
            var instance = SolomonReader.ReadFile(file);
            var clock = Stopwatch.StartNew();
            var plan = SolomonPlanner.Solve(instance, TimeSpan.FromSeconds(seconds));
            var elapsed = clock.Elapsed.TotalSeconds;
            var violations = PlanValidator.Validate(instance, plan);
            if (violations.Count > 0) invalid++;
            var best = bks[instance.Name];
            var gap = 100 * (plan.Metrics.TravelKm - best.Cost) / best.Cost;
            var family = new string(instance.Name.TakeWhile(char.IsLetter).ToArray()) + instance.Name.SkipWhile(char.IsLetter).First();
            gaps.TryAdd(family, []);
            gaps[family].Add(gap);
            var orText = "";
            if (withOrTools)
            {
                var orPlan = OrToolsVrptw.Solve(instance, TimeSpan.FromSeconds(seconds));
                var orValid = PlanValidator.Validate(instance, orPlan).Count == 0;
                var orGap = orValid ? 100 * (orPlan.Metrics.TravelKm - best.Cost) / best.Cost : double.PositiveInfinity;
                orGaps.Add(orGap);
                orText = string.Create(CultureInfo.InvariantCulture, $" {orPlan.Metrics.TravelKm,9:F2} {orGap,7:F2} {(orValid ? "yes" : "NO"),5}");
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{instance.Name,-8} {plan.Metrics.TravelKm,10:F2} {plan.Routes.Count,4} {best.Cost,9:F2} {best.Vehicles,7} {gap,7:F2} {(violations.Count == 0 ? "yes" : "NO"),5} {elapsed,6:F1}{orText}"));
        }
        foreach (var (family, list) in gaps.OrderBy(g => g.Key))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean gap {family}: {list.Average():F2}% ({list.Count} instances)"));
        }
        var all = gaps.Values.SelectMany(g => g).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean gap all: {all.Average():F2}% over {all.Count} instances; invalid plans: {invalid}"));
        if (withOrTools) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean gap OR-Tools GLS: {orGaps.Average():F2}% over {orGaps.Count} instances (same budget, same run)"));
        return invalid == 0 ? 0 : 1;
    }
}
