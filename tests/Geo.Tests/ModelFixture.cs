using System.Diagnostics;

namespace Grid.Geo.Tests;

/// <summary>Builds the Xianning model once for all tests that read it.</summary>
public sealed class ModelFixture
{
    public ModelFixture()
    {
        Divisions = DivisionCsv.Read(TestData.DivisionsCsv);
        Seats = CountySeatCsv.Read(TestData.SeatsCsv);
        var watch = Stopwatch.StartNew();
        Model = SyntheticGeography.Build(Divisions, Seats);
        BuildTime = watch.Elapsed;
        Index = Model.CreateLocateIndex();
        BruteForce = new BruteForceLocator(Model.Grids.Values, Model.ParentCodes);
    }

    public IReadOnlyList<Division> Divisions { get; }

    public IReadOnlyList<CountySeat> Seats { get; }

    public GeographyModel Model { get; }

    public TimeSpan BuildTime { get; }

    public LocateIndex Index { get; }

    public BruteForceLocator BruteForce { get; }
}

[CollectionDefinition(Name)]
public sealed class ModelCollection : ICollectionFixture<ModelFixture>
{
    public const string Name = "Xianning model";
}
