using System.Globalization;

namespace Grid.Planning.Bench;

internal static class BenchArgs
{
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static double Seconds(string[] args, double fallback) =>
        Option(args, "--seconds") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : fallback;

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) return dir.FullName;
        }
        throw new InvalidOperationException("run from inside the repository");
    }

    /// <summary>Files in a folder with the given extension whose names start with --filter, in name order.</summary>
    public static List<string> Files(string[] args, string folder, string pattern)
    {
        var filter = Option(args, "--filter") ?? "";
        return Directory.GetFiles(folder, pattern)
            .Where(f => Path.GetFileName(f).StartsWith(filter, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    /// <summary>Guided local search from the given first solution, stopped by the budget.</summary>
    public static Google.OrTools.ConstraintSolver.RoutingSearchParameters GuidedLocalSearch(
        Google.OrTools.ConstraintSolver.FirstSolutionStrategy.Types.Value first, TimeSpan budget)
    {
        var search = Google.OrTools.ConstraintSolver.operations_research_constraint_solver.DefaultRoutingSearchParameters();
        search.FirstSolutionStrategy = first;
        search.LocalSearchMetaheuristic = Google.OrTools.ConstraintSolver.LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        search.TimeLimit = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(budget);
        return search;
    }
}
