using BenchmarkDotNet.Running;
using Grid.Geo.Bench;

if (args.Contains("quick"))
{
    QuickBench.Run(args.Contains("--data") ? args[Array.IndexOf(args, "--data") + 1] : null);
    return;
}
BenchmarkRunner.Run<LocateBenchmarks>(args: args);
