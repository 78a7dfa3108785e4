using System.Globalization;
using Grid.Planning;

namespace Grid.Planning.Cli;

/// <summary>`grid-plan instance.json [--seconds N] [--seed S]`, `grid-plan --solomon R101.txt [--seconds N]` or `grid-plan --vrplib C1_10_1.vrp [--seconds N]`.</summary>
public static class PlanCommand
{
    public const int BadInput = 2;
    private const string Usage = "usage: ops/plan <instance.json> [--seconds N] [--seed S] | ops/plan --solomon <R101.txt> [--seconds N] [--seed S] | ops/plan --vrplib <C1_10_1.vrp> [--seconds N] [--seed S]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var options = PlanArguments.Parse(args);
            var budget = TimeSpan.FromSeconds(options.Seconds);
            if (options.Format != InputFormat.Grid)
            {
                var instance = options.Format == InputFormat.Solomon ? SolomonReader.ReadFile(ResolveSolomon(options.Input)) : VrplibReader.ReadFile(options.Input);
                var plan = SolomonPlanner.Solve(instance, budget, options.Seed);
                stdout.WriteLine(PlanJson.Write(plan, PlanTimeFormat.Numbers));
                return Report(PlanValidator.Validate(instance, plan), stderr);
            }
            if (!File.Exists(options.Input)) throw new PlanningFormatException($"instance file '{options.Input}' does not exist");
            using var stream = File.OpenRead(options.Input);
            var gridInstance = PlanJson.ReadInstance(stream);
            var gridPlan = VisitPlanner.Solve(gridInstance, budget, options.Seed);
            stdout.WriteLine(PlanJson.Write(gridPlan));
            return Report(PlanValidator.Validate(gridInstance, gridPlan), stderr);
        }
        catch (PlanningFormatException e)
        {
            stderr.WriteLine($"grid-plan: {e.Message}");
            stderr.WriteLine(Usage);
            return BadInput;
        }
    }

    /// <summary>A bare file name is looked up in the repository's Solomon folder (data/solomon).</summary>
    public static string ResolveSolomon(string input)
    {
        if (File.Exists(input) || input.Contains('/') || input.Contains('\\')) return input;
        var root = FindRepoRoot(Directory.GetCurrentDirectory()) ?? FindRepoRoot(AppContext.BaseDirectory);
        var inRepo = root is null ? null : Path.Combine(root, "data", "solomon", input);
        return inRepo is not null && File.Exists(inRepo) ? Path.GetFullPath(inRepo) : input;
    }

    private static string? FindRepoRoot(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) return dir.FullName;
        }
        return null;
    }

    private static int Report(IReadOnlyList<string> violations, TextWriter stderr)
    {
        foreach (var v in violations) stderr.WriteLine($"grid-plan: invalid plan: {v}");
        return violations.Count == 0 ? 0 : 1;
    }
}

internal enum InputFormat { Grid, Solomon, Vrplib }

internal sealed record PlanArguments(string Input, InputFormat Format, double Seconds, int Seed)
{
    public static PlanArguments Parse(string[] args)
    {
        string? input = null;
        var format = InputFormat.Grid;
        var seconds = 10.0;
        var seed = 1;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--solomon": format = InputFormat.Solomon; break;
                case "--vrplib": format = InputFormat.Vrplib; break;
                case "--seconds":
                    if (i + 1 >= args.Length || !double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out seconds)
                        || !(seconds > 0) || seconds > 86400)
                    {
                        throw new PlanningFormatException("--seconds needs a positive number of seconds");
                    }
                    break;
                case "--seed":
                    if (i + 1 >= args.Length || !int.TryParse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
                    {
                        throw new PlanningFormatException("--seed needs an integer");
                    }
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal)) throw new PlanningFormatException($"unknown option '{args[i]}'");
                    if (input is not null) throw new PlanningFormatException($"more than one input file ('{input}', '{args[i]}')");
                    input = args[i];
                    break;
            }
        }
        return input is null ? throw new PlanningFormatException("no input file given") : new PlanArguments(input, format, seconds, seed);
    }
}
