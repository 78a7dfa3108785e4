using System.Diagnostics;
using Grid.Geo;

namespace Grid.Geo.Bench;

/// <summary>Plain Stopwatch figures in a few seconds: model build, index build and lookups per second.</summary>
internal static class QuickBench
{
    public static void Run(string? dataDirectory)
    {
        var directory = BenchData.FindDataDirectory(dataDirectory);
        BenchData.BuildModel(directory); // warm-up: JIT
        var watch = Stopwatch.StartNew();
        var model = BenchData.BuildModel(directory);
        var buildMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var index = model.CreateLocateIndex();
        var indexMs = watch.Elapsed.TotalMilliseconds;
        var bruteForce = new BruteForceLocator(model.Grids.Values, model.ParentCodes);
        watch.Restart();
        var moved = index.WithGrid(model.Grids.Values.First().GridId, model.Villages.Keys.Last(), model.Grids.Values.First().Polygon);
        var withGridMs = watch.Elapsed.TotalMilliseconds;
        GC.KeepAlive(moved);

        var points = BenchData.Points(model, 200_000, seed: 5);
        var bruteRate = Rate(bruteForce, points[..5_000]);
        var indexRate = Rate(index, points);
        Console.WriteLine($"grids: {model.Grids.Count}, villages: {model.Villages.Count}, cores: {Environment.ProcessorCount}");
        Console.WriteLine($"SyntheticGeography.Build: {buildMs:F0} ms; LocateIndex.Create: {indexMs:F1} ms; WithGrid: {withGridMs:F1} ms");
        Console.WriteLine($"BruteForceLocator: {bruteRate:N0} lookups/s (baseline)");
        Console.WriteLine($"LocateIndex:       {indexRate:N0} lookups/s ({indexRate / bruteRate:F0}x baseline)");
    }

    private static double Rate(IGridLocator locator, (double Lat, double Lng)[] points)
    {
        foreach (var (lat, lng) in points.Take(500))
        {
            locator.Locate(lat, lng);
        }
        var watch = Stopwatch.StartNew();
        var found = 0;
        foreach (var (lat, lng) in points)
        {
            found += locator.Locate(lat, lng) is null ? 0 : 1;
        }
        GC.KeepAlive(found);
        return points.Length / watch.Elapsed.TotalSeconds;
    }
}
