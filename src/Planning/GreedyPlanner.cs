using Grid.Planning.Solver;

namespace Grid.Planning;

/// <summary>
/// Baseline: takes visits in order of their windows and gives each to the nearest worker
/// (from where that worker is now) who can still append it to the end of the day.
/// </summary>
public static class GreedyPlanner
{
    public static Plan Solve(PlanningInstance instance)
    {
        var p = ProblemBuilder.FromGrid(instance);
        var routes = Enumerable.Range(0, p.M).Select(_ => new List<int>()).ToArray();
        var at = (int[])p.Depot.Clone();
        var free = (double[])p.Start.Clone();
        var order = Enumerable.Range(0, p.N).OrderBy(c => p.Ready[c]).ThenBy(c => p.Due[c]).ThenBy(c => c);
        foreach (var c in order)
        {
            var bestWorker = -1;
            var bestKm = double.MaxValue;
            for (var v = 0; v < p.M; v++)
            {
                if (!p.CanServe(v, c) || routes[v].Count >= p.MaxVisits[v]) continue;
                var start = Math.Max(free[v] + p.T(v, at[v], c), p.Ready[c]);
                if (start > p.Due[c] + Schedule.Eps) continue;
                if (start + p.Service[c] + p.T(v, c, p.Depot[v]) > p.End[v] + Schedule.Eps) continue;
                var km = p.D(at[v], c);
                if (km < bestKm) (bestKm, bestWorker) = (km, v);
            }
            if (bestWorker < 0) continue;
            var w = bestWorker;
            free[w] = Math.Max(free[w] + p.T(w, at[w], c), p.Ready[c]) + p.Service[c];
            at[w] = c;
            routes[w].Add(c);
        }
        return PlanBuilder.ForGrid(instance, p, routes);
    }
}
