namespace Grid.Planning.Weekly;

/// <summary>
/// Plans a week of care in one call: picks a day for each due visit, then plans each day with the
/// daily planner. A visit goes to an allowed day on which its familiar worker works (就熟) when
/// there is one, else to any allowed day with a worker; among those, the day with the fewest care
/// minutes so far, so the week stays level. Each day's instance lists the worker's familiar
/// residents, so the daily planner's familiarity cost keeps the resident with that worker.
/// </summary>
public static class WeekPlanner
{
    /// <summary>Plans the week within <paramref name="budget"/> in all: each day's search gets the share of its visits, so a busy Monday gets more time than a quiet Sunday.</summary>
    public static WeekPlan Plan(WeekInstance week, TimeSpan budget, int seed = 1)
    {
        var due = week.Needs.Where(n => n.DueIn(week.WeekNumber)).ToList();
        var notDue = week.Needs.Where(n => !n.DueIn(week.WeekNumber)).Select(n => n.ResidentId).ToList();
        var minutes = new double[8];
        var byDay = Enumerable.Range(0, 8).Select(_ => new List<CareNeed>()).ToArray();
        var unplaced = new List<string>();
        foreach (var need in due.OrderBy(n => n.AllowedDays.Count).ThenByDescending(n => n.DurationMin))
        {
            var days = need.AllowedDays.Where(d => d is >= 1 and <= 7 && week.Workers.Any(w => w.Days.Contains(d))).ToList();
            var familiarDays = days.Where(d => week.Workers.Any(w => w.Worker.Id == need.FamiliarWorkerId && w.Days.Contains(d))).ToList();
            var choice = (familiarDays.Count > 0 ? familiarDays : days).OrderBy(d => minutes[d]).ThenBy(d => d).FirstOrDefault();
            if (choice == 0)
            {
                unplaced.Add(need.ResidentId);
                continue;
            }
            byDay[choice].Add(need);
            minutes[choice] += need.DurationMin;
        }
        var plans = new List<DayPlan>();
        var placed = Math.Max(1, byDay.Sum(d => d.Count));
        for (var d = 1; d <= 7; d++)
        {
            if (byDay[d].Count == 0) continue;
            var instance = DayInstance(week, d, byDay[d]);
            plans.Add(new DayPlan(d, instance, VisitPlanner.Solve(instance, budget * byDay[d].Count / placed, seed)));
        }
        return new WeekPlan(plans, notDue, unplaced, plans.Sum(p => p.Plan.Metrics.FamiliarVisits), plans.Sum(p => p.Plan.Metrics.Assigned));
    }

    /// <summary>The daily planner's instance for one day: the workers on duty, familiar with the residents that name them.</summary>
    public static PlanningInstance DayInstance(WeekInstance week, int day, IReadOnlyList<CareNeed> needs)
    {
        var workers = week.Workers.Where(w => w.Days.Contains(day)).Select(w => w.Worker with
        {
            Familiar = [.. w.Worker.Familiar.Union(needs.Where(n => n.FamiliarWorkerId == w.Worker.Id).Select(n => n.ResidentId))],
        }).ToList();
        var visits = needs.Select(n => new Visit($"{n.ResidentId}-d{day}", n.ResidentId, n.Lat, n.Lng, n.DurationMin, n.Earliest, n.Latest, n.Skills, 1)).ToList();
        return new PlanningInstance($"{week.Name}-w{week.WeekNumber}-d{day}", week.SpeedKmh, week.DetourFactor, workers, visits);
    }
}
