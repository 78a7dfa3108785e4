using System.Globalization;

namespace Grid.Planning.Solver;

/// <summary>Turns solver routes into a plan with earliest-start times and recomputed metrics.</summary>
internal static class PlanBuilder
{
    public static Plan ForGrid(PlanningInstance instance, RoutingProblem p, IReadOnlyList<IReadOnlyList<int>> routes)
    {
        var km = 0.0;
        var check = new BreakCheck(p);
        var stops = new List<IReadOnlyList<PlanStop>>(routes.Count);
        var breaks = new PlanBreak?[routes.Count];
        for (var v = 0; v < routes.Count; v++)
        {
            var gap = -1;
            if (p.Breaks?[v] is { } rule && routes[v].Count > 0 && check.Place(v, routes[v], -1, 0, out gap, out var start))
            {
                breaks[v] = new PlanBreak(start, start + rule.Minutes);
            }
            stops.Add(Stops(p, v, routes[v], i => instance.Visits[i].Id, ref km, gap, breaks[v]));
        }
        return ForGrid(instance, p, routes, stops, breaks);
    }

    /// <summary>A grid plan from routes (per worker index) with given stop times, e.g. a re-plan that keeps times; metrics recomputed.</summary>
    public static Plan ForGrid(PlanningInstance instance, RoutingProblem p, IReadOnlyList<IReadOnlyList<int>> routes,
        IReadOnlyList<IReadOnlyList<PlanStop>> stops, IReadOnlyList<PlanBreak?> breaks)
    {
        var planRoutes = new List<PlanRoute>();
        var assigned = new bool[p.N];
        var km = 0.0;
        var extra = 0.0;
        var work = new List<double>();
        var travelMinutes = 0.0;
        var overtime = 0.0;
        for (var v = 0; v < routes.Count; v++)
        {
            if (routes[v].Count == 0)
            {
                work.Add(0);
                continue;
            }
            var prev = p.Depot[v];
            var routeKm = 0.0;
            var service = 0.0;
            foreach (var c in routes[v]) { assigned[c] = true; extra += p.Extra(v, c); routeKm += p.D(prev, c); service += p.Service[c]; prev = c; }
            routeKm += p.D(prev, p.Depot[v]);
            km += routeKm;
            work.Add(routeKm * p.TimePerDist[v] + service);
            travelMinutes += routeKm * p.TimePerDist[v];
            var depart = Math.Max(stops[v][^1].End, breaks[v] is { } pause && pause.Start >= stops[v][^1].End ? pause.End : 0);
            overtime += instance.OvertimeCost(instance.Workers[v], depart + p.D(prev, p.Depot[v]) * p.TimePerDist[v]);
            planRoutes.Add(new PlanRoute(instance.Workers[v].Id, stops[v], breaks[v]));
        }
        var workload = Workload(work, p.Fairness);
        var unassigned = Enumerable.Range(0, p.N).Where(c => !assigned[c]).ToList();
        var penalty = unassigned.Sum(c => p.Penalty[c]);
        var counts = planRoutes.Select(r => r.Stops.Count).ToList();
        var total = counts.Sum();
        var metrics = new PlanMetrics(Math.Round(km, 3), total, total - (int)Math.Round(extra / 2), Math.Round(km + extra + penalty + workload.FairnessCost + overtime, 3),
            counts.Count == 0 ? 0 : counts.Max(), counts.Count == 0 ? 0 : Math.Round((double)total / counts.Count, 2), workload, Math.Round(travelMinutes, 2));
        return new Plan(planRoutes, unassigned.Select(c => instance.Visits[c].Id).ToList(), metrics);
    }

    /// <summary>Working minutes per worker (idle ones at 0) summarised; the validator recomputes the same figures from its own distances.</summary>
    public static PlanWorkload Workload(IReadOnlyList<double> minutes, Func<double, double> fairness)
    {
        if (minutes.Count == 0) return new PlanWorkload(0, 0, 0, 0, 0);
        var mean = minutes.Average();
        var sd = Math.Sqrt(minutes.Sum(m => (m - mean) * (m - mean)) / minutes.Count);
        return new PlanWorkload(Math.Round(minutes.Min(), 2), Math.Round(minutes.Max(), 2), Math.Round(minutes.Max() - minutes.Min(), 2),
            Math.Round(sd, 2), Math.Round(minutes.Sum(fairness), 3));
    }

    public static Plan ForSolomon(SolomonInstance instance, RoutingProblem p, IReadOnlyList<IReadOnlyList<int>> routes)
    {
        var planRoutes = new List<PlanRoute>();
        var km = 0.0;
        foreach (var route in routes.Where(r => r.Count > 0))
        {
            var stops = Stops(p, 0, route, i => instance.Customers[i].Number.ToString(CultureInfo.InvariantCulture), ref km);
            planRoutes.Add(new PlanRoute((planRoutes.Count + 1).ToString(CultureInfo.InvariantCulture), stops));
        }
        var served = routes.SelectMany(r => r).ToHashSet();
        var unassigned = Enumerable.Range(0, p.N).Where(c => !served.Contains(c))
            .Select(c => instance.Customers[c].Number.ToString(CultureInfo.InvariantCulture)).ToList();
        var counts = planRoutes.Select(r => r.Stops.Count).ToList();
        var total = counts.Sum();
        var metrics = new PlanMetrics(km, total, 0, km, counts.Count == 0 ? 0 : counts.Max(), counts.Count == 0 ? 0 : (double)total / counts.Count);
        return new Plan(planRoutes, unassigned, metrics);
    }

    /// <summary>Earliest-start stops; with a break at <paramref name="gap"/> the travel into that stop pauses (or the worker rests on arrival).</summary>
    private static List<PlanStop> Stops(RoutingProblem p, int v, IReadOnlyList<int> route, Func<int, string> id, ref double km, int gap = -1, PlanBreak? pause = null)
    {
        var stops = new List<PlanStop>(route.Count);
        var prev = p.Depot[v];
        var depart = p.Start[v];
        for (var i = 0; i < route.Count; i++)
        {
            var c = route[i];
            km += p.D(prev, c);
            var arrive = depart + p.T(v, prev, c);
            if (i == gap && pause is not null) arrive = Math.Max(arrive, pause.Start) + (pause.End - pause.Start);
            var start = Math.Max(arrive, p.Ready[c]);
            depart = start + p.Service[c];
            stops.Add(new PlanStop(id(c), arrive, start, depart));
            prev = c;
        }
        km += p.D(prev, p.Depot[v]);
        return stops;
    }
}
