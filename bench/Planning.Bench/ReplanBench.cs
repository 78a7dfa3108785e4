using System.Diagnostics;
using System.Globalization;
using Grid.Planning.Replanning;

namespace Grid.Planning.Bench;

/// <summary>
/// Mid-day re-planning on the 400-visit generated city day: the day is planned, then 20 urgent visits
/// arrive at 11:00 one after another; each answer's time, validity, pinned visits and disruption.
/// </summary>
internal static class ReplanBench
{
    private const int Now = 11 * 60;

    public static int Run(string[] args)
    {
        var seconds = BenchArgs.Seconds(args, 10);
        var day = InstanceGenerator.Generate(400, 60, seed: 1);
        var plan = VisitPlanner.Solve(day, TimeSpan.FromSeconds(seconds));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Re-planning: InstanceGenerator 400 visits / 60 workers seed 1, planned {seconds} s (cost {plan.Metrics.Cost:F1}, {plan.Unassigned.Count} unassigned); 20 urgent visits at 11:00 (UrgentVisits seed 7), one after another"));
        Console.WriteLine($"{"#",3} {"visit",-10} {"worker",-8} {"ms",6} {"pinned",6} {"moved",5} {"reassigned",10} {"min shifted",11} {"valid",5} {"pinned kept",11}");
        var failures = 0;
        var slowest = 0.0;
        var k = 0;
        foreach (var urgent in InstanceGenerator.UrgentVisits(day, 20, Now, seed: 7))
        {
            var clock = Stopwatch.StartNew();
            var result = Replanner.InsertUrgent(day, plan, Now, urgent);
            var ms = clock.Elapsed.TotalMilliseconds;
            slowest = Math.Max(slowest, ms);
            var valid = PlanValidator.Validate(result.Instance, result.After).Count == 0;
            var kept = PinnedKept(plan, result.After);
            if (!valid || !kept || ms >= 1000) failures++;
            var d = result.Disruption;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{++k,3} {urgent.Id,-10} {result.WorkerId ?? "-",-8} {ms,6:F0} {result.PinnedVisits,6} {d.VisitsMoved,5} {d.VisitsReassigned,10} {d.MinutesShifted,11:F1} {(valid ? "yes" : "NO"),5} {(kept ? "yes" : "NO"),11}"));
            (day, plan) = (result.Instance, result.After);
        }
        var urgentPlaced = plan.Routes.Sum(r => r.Stops.Count(s => s.VisitId.StartsWith("urgent-", StringComparison.Ordinal)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"slowest answer {slowest:F0} ms; answers invalid, over 1 s or moving a pinned visit: {failures}; urgent visits placed {urgentPlaced} of {k}; visits unassigned at the end {plan.Unassigned.Count}"));
        return failures == 0 ? 0 : 1;
    }

    private static bool PinnedKept(Plan before, Plan after)
    {
        var now = after.Routes.SelectMany(r => r.Stops.Select(s => (r.WorkerId, s))).ToDictionary(x => x.s.VisitId);
        return before.Routes.All(r => r.Stops.Where(s => s.Start < Now).All(s => now.TryGetValue(s.VisitId, out var a) && a == (r.WorkerId, s)));
    }
}
