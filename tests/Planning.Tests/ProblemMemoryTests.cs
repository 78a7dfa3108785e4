using Grid.Planning.Solver;

namespace Grid.Planning.Tests;

public sealed class ProblemMemoryTests
{
    [Fact]
    public void AThousandCustomerInstanceKeepsItsFullMatrix()
    {
        var problem = ProblemBuilder.FromSolomon(VrplibReader.ReadFile(TestData.HombergerPath("C1_10_1")));
        Assert.Equal(1001, problem.Points);
        Assert.NotNull(problem.Dist);
        Assert.Equal(1001L * 1001, problem.Dist!.LongLength);
    }

    [Fact]
    public void AFiveThousandVisitDayComputesDistancesOnDemandInBoundedMemory()
    {
        var instance = InstanceGenerator.Generate(5000, 750, seed: 1);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var problem = ProblemBuilder.FromGrid(instance);
        problem.Prepare(VisitPlanner.NeighborCount);
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.Equal(5750, problem.Points);
        Assert.Null(problem.Dist);
        // 5,750² doubles would be 264 MB; the problem holds neighbour lists and worker × visit tables instead.
        // Visits × workers skill and familiarity tables dominate: 3.75 M × (1 + 4) bytes; the rest is under 2 MB.
        Assert.InRange(problem.ApproximateBytes(), 18_000_000, 22_000_000);
        Assert.InRange(held, 1, 40L << 20);
        GC.KeepAlive(problem);
        // On-demand distances agree with the validator's great circle.
        var km = Grid.Geo.GeoDistance.HaversineKm(instance.Visits[0].Lat, instance.Visits[0].Lng, instance.Visits[1].Lat, instance.Visits[1].Lng) * instance.DetourFactor;
        Assert.Equal(km, problem.D(0, 1), 1e-9);
    }
}
