using System.Diagnostics;
using Grid.Planning.Solver;

namespace Grid.Planning.Replanning;

/// <summary>
/// Mid-day re-planning: inserts an urgent visit into a running day with the least disruption.
/// Visits whose service started before <c>now</c> (done or under way) are pinned: same worker, same
/// times. Every other visit keeps its worker and start unless the insertion pushes it later, or,
/// when no worker has room, one visit is handed to another worker to make room. A worker leaves for
/// the urgent visit no earlier than <c>now</c>. Among feasible insertions the cheapest wins:
/// travel km + 2 for an unfamiliar resident + <see cref="ShiftMinuteCost"/> per minute shifted +
/// <see cref="MovedVisitCost"/> per visit moved.
/// </summary>
public static class Replanner
{
    public const double ShiftMinuteCost = 1;
    public const double MovedVisitCost = 5;
    /// <summary>A start that moves by less than this many minutes has not moved.</summary>
    public const double ShiftTolerance = 0.01;

    public static ReplanResult InsertUrgent(PlanningInstance instance, Plan plan, int now, Visit urgent, TimeSpan? budget = null)
    {
        var clock = Stopwatch.StartNew();
        if (instance.Visits.Any(v => v.Id == urgent.Id)) throw new PlanningFormatException($"visit '{urgent.Id}' is already in the day");
        var violations = PlanValidator.Validate(instance, plan);
        if (violations.Count > 0) throw new PlanningFormatException($"the current plan is not valid for the day: {violations[0]}");
        var day = instance with { Visits = [.. instance.Visits, urgent] };
        var search = new InsertionSearch(day, plan, now);
        var best = search.Direct(search.Urgent, exceptWorker: -1);
        if (best is null) best = search.WithOneHandOver(clock, budget ?? TimeSpan.FromSeconds(1));
        var after = search.Apply(best);
        var worker = best is null ? null : day.Workers[best.Worker].Id;
        return new ReplanResult(day, plan, after, worker, search.PinnedCount, Measure(plan, after, urgent.Id));
    }

    /// <summary>Compares two plans visit by visit (the inserted visit aside).</summary>
    public static Disruption Measure(Plan before, Plan after, string insertedId)
    {
        var was = before.Routes.SelectMany(r => r.Stops.Select(s => (r.WorkerId, Stop: s))).ToDictionary(x => x.Stop.VisitId);
        var moves = new List<MovedVisit>();
        var reassigned = 0;
        var shifted = 0.0;
        foreach (var route in after.Routes)
        {
            foreach (var stop in route.Stops)
            {
                if (stop.VisitId == insertedId || !was.TryGetValue(stop.VisitId, out var old)) continue;
                var shift = Math.Abs(stop.Start - old.Stop.Start);
                var otherWorker = old.WorkerId != route.WorkerId;
                if (!otherWorker && shift < ShiftTolerance) continue;
                if (otherWorker) reassigned++;
                shifted += shift;
                moves.Add(new MovedVisit(stop.VisitId, old.WorkerId, route.WorkerId, old.Stop.Start, stop.Start));
            }
        }
        var kept = after.Routes.SelectMany(r => r.Stops).Select(s => s.VisitId).ToHashSet();
        foreach (var (id, old) in was)
        {
            if (kept.Contains(id)) continue;
            reassigned++;
            moves.Add(new MovedVisit(id, old.WorkerId, "", old.Stop.Start, double.NaN));
        }
        return new Disruption(moves.Count, reassigned, Math.Round(shifted, 2), moves);
    }
}
