using System.Globalization;

namespace Grid.Planning.Solver;

/// <summary>Turns solver routes into a plan with earliest-start times and recomputed metrics.</summary>
internal static class PlanBuilder
{
    public static Plan ForGrid(PlanningInstance instance, RoutingProblem p, IReadOnlyList<IReadOnlyList<int>> routes)
    {
        var km = 0.0;
        var stops = routes.Select((route, v) => (IReadOnlyList<PlanStop>)Stops(p, v, route, i => instance.Visits[i].Id, ref km)).ToList();
        return ForGrid(instance, p, routes, stops);
    }

    /// <summary>A grid plan from routes (per worker index) with given stop times, e.g. a re-plan that keeps times; metrics recomputed.</summary>
    public static Plan ForGrid(PlanningInstance instance, RoutingProblem p, IReadOnlyList<IReadOnlyList<int>> routes, IReadOnlyList<IReadOnlyList<PlanStop>> stops)
    {
        var planRoutes = new List<PlanRoute>();
        var assigned = new bool[p.N];
        var km = 0.0;
        var extra = 0.0;
        for (var v = 0; v < routes.Count; v++)
        {
            if (routes[v].Count == 0) continue;
            var prev = p.Depot[v];
            foreach (var c in routes[v]) { assigned[c] = true; extra += p.Extra(v, c); km += p.D(prev, c); prev = c; }
            km += p.D(prev, p.Depot[v]);
            planRoutes.Add(new PlanRoute(instance.Workers[v].Id, stops[v]));
        }
        var unassigned = Enumerable.Range(0, p.N).Where(c => !assigned[c]).ToList();
        var penalty = unassigned.Sum(c => p.Penalty[c]);
        var counts = planRoutes.Select(r => r.Stops.Count).ToList();
        var total = counts.Sum();
        var metrics = new PlanMetrics(Math.Round(km, 3), total, total - (int)Math.Round(extra / 2), Math.Round(km + extra + penalty, 3),
            counts.Count == 0 ? 0 : counts.Max(), counts.Count == 0 ? 0 : Math.Round((double)total / counts.Count, 2));
        return new Plan(planRoutes, unassigned.Select(c => instance.Visits[c].Id).ToList(), metrics);
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

    private static List<PlanStop> Stops(RoutingProblem p, int v, IReadOnlyList<int> route, Func<int, string> id, ref double km)
    {
        var stops = new List<PlanStop>(route.Count);
        var prev = p.Depot[v];
        var depart = p.Start[v];
        foreach (var c in route)
        {
            km += p.D(prev, c);
            var arrive = depart + p.T(prev, c);
            var start = Math.Max(arrive, p.Ready[c]);
            depart = start + p.Service[c];
            stops.Add(new PlanStop(id(c), arrive, start, depart));
            prev = c;
        }
        km += p.D(prev, p.Depot[v]);
        return stops;
    }
}
