using Google.OrTools.ConstraintSolver;

namespace Grid.Planning.Bench;

/// <summary>
/// Baseline: OR-Tools routing with guided local search on a Solomon-style VRPTW, distances in
/// tenths (exact integers under the DIMACS one-decimal truncation; rounded up otherwise, so its
/// routes stay feasible in exact distances).
/// </summary>
internal static class OrToolsVrptw
{
    private const double Scale = 10;

    public static Plan Solve(SolomonInstance instance, TimeSpan budget)
    {
        var n = instance.Customers.Count;
        var all = instance.Customers.Prepend(instance.Depot).ToArray();
        var nodes = n + 1;
        var tenths = new long[nodes, nodes];
        for (var a = 0; a < nodes; a++)
        {
            for (var b = 0; b < nodes; b++) tenths[a, b] = (long)Math.Ceiling(instance.Distance(all[a], all[b]) * Scale - 1e-6);
        }
        var manager = new RoutingIndexManager(nodes, instance.VehicleCount, 0);
        var routing = new RoutingModel(manager);
        LongLongToLong distance = (from, to) => tenths[manager.IndexToNode(from), manager.IndexToNode(to)];
        LongLongToLong time = (from, to) =>
        {
            int a = manager.IndexToNode(from), b = manager.IndexToNode(to);
            return tenths[a, b] + (long)Math.Ceiling(all[a].Service * Scale);
        };
        LongToLong demand = i => all[manager.IndexToNode(i)].Demand;
        routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitCallback(distance));
        var horizon = (long)Math.Ceiling(instance.Depot.Due * Scale);
        routing.AddDimension(routing.RegisterTransitCallback(time), horizon, horizon, false, "Time");
        var timeDim = routing.GetMutableDimension("Time");
        routing.AddDimension(routing.RegisterUnaryTransitCallback(demand), 0, instance.Capacity, true, "Load");
        for (var c = 1; c < nodes; c++)
        {
            timeDim.CumulVar(manager.NodeToIndex(c)).SetRange((long)Math.Ceiling(all[c].Ready * Scale), (long)Math.Floor(all[c].Due * Scale));
        }
        for (var v = 0; v < instance.VehicleCount; v++)
        {
            timeDim.CumulVar(routing.Start(v)).SetRange((long)Math.Ceiling(instance.Depot.Ready * Scale), horizon);
            timeDim.CumulVar(routing.End(v)).SetRange((long)Math.Ceiling(instance.Depot.Ready * Scale), horizon);
        }
        var solution = routing.SolveWithParameters(BenchArgs.GuidedLocalSearch(FirstSolutionStrategy.Types.Value.PathCheapestArc, budget));
        GC.KeepAlive(distance);
        GC.KeepAlive(time);
        GC.KeepAlive(demand);
        if (solution is null) return SolomonPlanner.FromRoutes(instance, []);
        var routes = new List<IReadOnlyList<int>>();
        for (var v = 0; v < instance.VehicleCount; v++)
        {
            var route = new List<int>();
            for (var i = solution.Value(routing.NextVar(routing.Start(v))); !routing.IsEnd(i); i = solution.Value(routing.NextVar(i)))
            {
                route.Add(all[manager.IndexToNode(i)].Number);
            }
            if (route.Count > 0) routes.Add(route);
        }
        return SolomonPlanner.FromRoutes(instance, routes);
    }
}
