using System.Diagnostics;
using System.Globalization;

namespace Grid.Planning.Bench;

/// <summary>Generated Xianning-like days: this planner vs nearest-worker greedy vs OR-Tools GLS at the same budget.</summary>
internal static class GridBench
{
    private static readonly (int Visits, int Workers)[] Sizes = [(40, 6), (400, 60), (2000, 300)];

    public static int Run(string[] args)
    {
        var seconds = BenchArgs.Seconds(args, 10);
        var budget = TimeSpan.FromSeconds(seconds);
        var invalid = 0;
        Console.WriteLine($"Grid days (InstanceGenerator seed 1), budget {seconds.ToString(CultureInfo.InvariantCulture)} s each for planner and OR-Tools, one thread");
        Console.WriteLine($"{"size",-9} {"solver",-10} {"cost",11} {"km",9} {"unassigned",10} {"familiar",8} {"s",6} {"vs OR-Tools",11} {"valid",5}");
        foreach (var (visits, workers) in Sizes)
        {
            var instance = InstanceGenerator.Generate(visits, workers, seed: 1);
            var results = new List<(string Name, Plan Plan, double Seconds)>
            {
                Measure("greedy", () => GreedyPlanner.Solve(instance)),
                Measure("planner", () => VisitPlanner.Solve(instance, budget)),
                Measure("or-tools", () => OrToolsPlanner.Solve(instance, budget)),
            };
            var reference = results[2].Plan.Metrics.Cost;
            foreach (var (name, plan, time) in results)
            {
                var violations = PlanValidator.Validate(instance, plan);
                if (violations.Count > 0)
                {
                    invalid++;
                    foreach (var v in violations.Take(5)) Console.Error.WriteLine($"  {name} {visits}/{workers}: {v}");
                }
                var m = plan.Metrics;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{visits + "/" + workers,-9} {name,-10} {m.Cost,11:F1} {m.TravelKm,9:F1} {plan.Unassigned.Count,10} {m.FamiliarVisits,8} {time,6:F1} {m.Cost / reference,11:F3} {(violations.Count == 0 ? "yes" : "NO"),5}"));
            }
        }
        return invalid == 0 ? 0 : 1;
    }

    private static (string, Plan, double) Measure(string name, Func<Plan> solve)
    {
        var clock = Stopwatch.StartNew();
        var plan = solve();
        return (name, plan, clock.Elapsed.TotalSeconds);
    }
}
