using Grid.Planning.Solver;

namespace Grid.Planning;

/// <summary>Solves a Solomon VRPTW instance, minimising total distance with every customer served.</summary>
public static class SolomonPlanner
{
    public static Plan Solve(SolomonInstance instance, TimeSpan budget, int seed = 1) =>
        Solve(instance, new PlannerOptions(budget, seed));

    public static Plan Solve(SolomonInstance instance, PlannerOptions options)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var problem = ProblemBuilder.FromSolomon(instance);
        problem.Prepare(VisitPlanner.NeighborCount);
        var solution = new SisrSearch(problem, options.Seed).Run(options.Budget - clock.Elapsed, options.MaxIterations);
        return PlanBuilder.ForSolomon(instance, problem, solution.Routes);
    }

    /// <summary>Builds a plan from routes of customer numbers (e.g. a .sol file or another solver); validate the result.</summary>
    public static Plan FromRoutes(SolomonInstance instance, IReadOnlyList<IReadOnlyList<int>> customerNumbers)
    {
        var problem = ProblemBuilder.FromSolomon(instance);
        var index = instance.Customers.Select((c, i) => (c.Number, i)).ToDictionary(x => x.Number, x => x.i);
        var routes = customerNumbers.Select(r => (IReadOnlyList<int>)r.Select(n => index.TryGetValue(n, out var i) ? i
            : throw new PlanningFormatException($"customer {n} is not in instance {instance.Name}")).ToList()).ToList();
        return PlanBuilder.ForSolomon(instance, problem, routes);
    }
}
