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
}
