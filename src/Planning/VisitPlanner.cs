using Grid.Planning.Solver;

namespace Grid.Planning;

/// <summary>Plans a grid day: assigns and orders visits per worker, minimising the format's cost.</summary>
public static class VisitPlanner
{
    public static Plan Solve(PlanningInstance instance, TimeSpan budget, int seed = 1) =>
        Solve(instance, new PlannerOptions(budget, seed));

    public static Plan Solve(PlanningInstance instance, PlannerOptions options)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var problem = ProblemBuilder.FromGrid(instance);
        if (problem.N == 0) return PlanBuilder.ForGrid(instance, problem, Empty(problem.M));
        problem.Prepare(NeighborCount);
        var solution = new SisrSearch(problem, options.Seed).Run(options.Budget - clock.Elapsed, options.MaxIterations);
        return PlanBuilder.ForGrid(instance, problem, solution.Routes);
    }

    /// <summary>
    /// Builds a plan (earliest-start times, metrics) from given visit sequences per worker id, e.g. from
    /// another solver or a manual edit. Visits not listed are unassigned. Validate the result.
    /// </summary>
    public static Plan FromRoutes(PlanningInstance instance, IReadOnlyDictionary<string, IReadOnlyList<string>> visitIdsByWorker)
    {
        var problem = ProblemBuilder.FromGrid(instance);
        var visitIndex = instance.Visits.Select((v, i) => (v.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var routes = instance.Workers
            .Select(w => (IReadOnlyList<int>)(visitIdsByWorker.TryGetValue(w.Id, out var ids) ? ids.Select(id => visitIndex[id]).ToList() : []))
            .ToList();
        return PlanBuilder.ForGrid(instance, problem, routes);
    }

    internal const int NeighborCount = 64;

    internal static IReadOnlyList<IReadOnlyList<int>> Empty(int m) => Enumerable.Range(0, m).Select(_ => (IReadOnlyList<int>)[]).ToList();
}
