using Google.OrTools.ConstraintSolver;
using Grid.Geo;

namespace Grid.Planning.Bench;

/// <summary>
/// Baseline: OR-Tools routing with guided local search on the same instance and cost (metres,
/// seconds; travel times rounded up so its routes stay feasible in exact minutes).
/// </summary>
internal static class OrToolsPlanner
{
    public static Plan Solve(PlanningInstance instance, TimeSpan budget)
    {
        var n = instance.Visits.Count;
        var m = instance.Workers.Count;
        var lat = instance.Visits.Select(v => v.Lat).Concat(instance.Workers.Select(w => w.Lat)).ToArray();
        var lng = instance.Visits.Select(v => v.Lng).Concat(instance.Workers.Select(w => w.Lng)).ToArray();
        var nodes = n + m;
        var metres = new long[nodes, nodes];
        var seconds = new long[nodes, nodes];
        for (var a = 0; a < nodes; a++)
        {
            for (var b = 0; b < nodes; b++)
            {
                var km = GeoDistance.HaversineKm(lat[a], lng[a], lat[b], lng[b]) * instance.DetourFactor;
                metres[a, b] = (long)Math.Round(km * 1000);
                seconds[a, b] = (long)Math.Ceiling(km / instance.SpeedKmh * 3600) + (a < n ? instance.Visits[a].DurationMin * 60L : 0);
            }
        }
        var depots = Enumerable.Range(n, m).ToArray();
        var manager = new RoutingIndexManager(nodes, m, depots, depots);
        var routing = new RoutingModel(manager);
        var keepAlive = new List<LongLongToLong>();

        for (var v = 0; v < m; v++)
        {
            var familiar = instance.Workers[v].Familiar.ToHashSet();
            var unfamiliar = instance.Visits.Select(x => !familiar.Contains(x.ResidentId)).ToArray();
            LongLongToLong cost = (from, to) =>
            {
                int a = manager.IndexToNode(from), b = manager.IndexToNode(to);
                return metres[a, b] + (b < n && unfamiliar[b] ? 2000 : 0);
            };
            keepAlive.Add(cost);
            routing.SetArcCostEvaluatorOfVehicle(routing.RegisterTransitCallback(cost), v);
        }
        LongLongToLong time = (from, to) => seconds[manager.IndexToNode(from), manager.IndexToNode(to)];
        keepAlive.Add(time);
        routing.AddDimension(routing.RegisterTransitCallback(time), 24 * 3600, 24 * 3600, false, "Time");
        var timeDim = routing.GetMutableDimension("Time");
        routing.AddDimensionWithVehicleCapacity(routing.RegisterUnaryTransitCallback(i => manager.IndexToNode(i) < n ? 1 : 0),
            0, instance.Workers.Select(w => (long)w.MaxVisits).ToArray(), true, "Visits");

        for (var c = 0; c < n; c++)
        {
            var visit = instance.Visits[c];
            var index = manager.NodeToIndex(c);
            timeDim.CumulVar(index).SetRange(visit.Earliest * 60L, visit.Latest * 60L);
            routing.AddDisjunction([index], 1_000_000L * visit.Priority);
            var banned = Enumerable.Range(0, m).Where(v => !visit.Skills.All(instance.Workers[v].Skills.Contains)).Select(v => (long)v).ToArray();
            if (banned.Length > 0) routing.VehicleVar(index).RemoveValues(banned);
        }
        for (var v = 0; v < m; v++)
        {
            var w = instance.Workers[v];
            timeDim.CumulVar(routing.Start(v)).SetRange(w.Start * 60L, w.End * 60L);
            timeDim.CumulVar(routing.End(v)).SetRange(w.Start * 60L, w.End * 60L);
        }

        var solution = routing.SolveWithParameters(BenchArgs.GuidedLocalSearch(FirstSolutionStrategy.Types.Value.ParallelCheapestInsertion, budget));
        GC.KeepAlive(keepAlive);
        var routes = new Dictionary<string, IReadOnlyList<string>>();
        if (solution is null) return VisitPlanner.FromRoutes(instance, routes);
        for (var v = 0; v < m; v++)
        {
            var ids = new List<string>();
            for (var i = solution.Value(routing.NextVar(routing.Start(v))); !routing.IsEnd(i); i = solution.Value(routing.NextVar(i)))
            {
                ids.Add(instance.Visits[manager.IndexToNode(i)].Id);
            }
            routes[instance.Workers[v].Id] = ids;
        }
        return VisitPlanner.FromRoutes(instance, routes);
    }
}
