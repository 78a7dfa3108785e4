using BenchmarkDotNet.Attributes;
using Grid.Geo;

namespace Grid.Geo.Bench;

/// <summary>One operation = 1,000 lookups of uniform points over the full seeded city (5,480 grids).</summary>
[MemoryDiagnoser]
public class LocateBenchmarks
{
    public const int LookupsPerOp = 1000;

    private (double Lat, double Lng)[] _points = [];
    private LocateIndex _index = null!;
    private BruteForceLocator _bruteForce = null!;

    [GlobalSetup]
    public void Setup()
    {
        var model = BenchData.BuildModel(BenchData.FindDataDirectory(null));
        _index = model.CreateLocateIndex();
        _bruteForce = new BruteForceLocator(model.Grids.Values, model.ParentCodes);
        _points = BenchData.Points(model, LookupsPerOp, seed: 5);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = LookupsPerOp)]
    public int BruteForce() => Run(_bruteForce);

    [Benchmark(OperationsPerInvoke = LookupsPerOp)]
    public int Indexed() => Run(_index);

    private int Run(IGridLocator locator)
    {
        var found = 0;
        foreach (var (lat, lng) in _points)
        {
            if (locator.Locate(lat, lng) is not null)
            {
                found++;
            }
        }
        return found;
    }
}
