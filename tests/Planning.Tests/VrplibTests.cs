using Grid.Planning.Cli;

namespace Grid.Planning.Tests;

public sealed class VrplibTests
{
    private const string Small = """
        NAME : tiny_tw
        TYPE : VRPTW
        DIMENSION : 4
        VEHICLES : 2
        CAPACITY : 10
        EDGE_WEIGHT_TYPE : EUC_2D
        NODE_COORD_SECTION
        1 0 0
        2 3 4
        3 1 1
        4 0 7
        DEMAND_SECTION
        1 0
        2 6
        3 5
        4 4
        TIME_WINDOW_SECTION
        1 0 100
        2 0 20
        3 0 50
        4 10 40
        SERVICE_TIME_SECTION
        1 0
        2 2
        3 3
        4 1
        DEPOT_SECTION
        1
        -1
        EOF
        """;

    [Fact]
    public void TheReaderNumbersCustomersFromZeroAtTheDepot()
    {
        var instance = VrplibReader.Read(Small);
        Assert.Equal("tiny_tw", instance.Name);
        Assert.Equal((2, 10), (instance.VehicleCount, instance.Capacity));
        Assert.Equal(0, instance.Depot.Number);
        Assert.Equal([1, 2, 3], instance.Customers.Select(c => c.Number));
        Assert.Equal(new SolomonCustomer(3, 0, 7, 4, 10, 40, 1), instance.Customers[2]);
        Assert.Equal(DistanceRounding.TruncateOneDecimal, instance.Rounding);
    }

    [Fact]
    public void DistancesAreTruncatedToOneDecimal()
    {
        var instance = VrplibReader.Read(Small);
        // (0,0)–(1,1) is 1.41421…, truncated to 1.4; (3,4)–(0,7) is 4.24264…, truncated to 4.2; (0,0)–(3,4) is exactly 5.
        Assert.Equal(1.4, instance.Distance(instance.Depot, instance.Customers[1]));
        Assert.Equal(4.2, instance.Distance(instance.Customers[0], instance.Customers[2]));
        Assert.Equal(5.0, instance.Distance(instance.Depot, instance.Customers[0]));
    }

    [Fact]
    public void TheSolverServesTheSmallInstanceValidly()
    {
        var instance = VrplibReader.Read(Small);
        var plan = SolomonPlanner.Solve(instance, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 500));
        Assert.Empty(plan.Unassigned);
        Assert.Empty(PlanValidator.Validate(instance, plan));
        // Capacity 10 with demands 6, 5, 4 needs two vehicles.
        Assert.Equal(2, plan.Routes.Count);
    }

    [Theory]
    [InlineData("TYPE : CVRP", "only VRPTW")]
    [InlineData("DIMENSION : 5", "has 4 rows, DIMENSION says 5")]
    [InlineData("EDGE_WEIGHT_TYPE : GEO", "not supported")]
    public void BrokenHeadersAreRejectedWithAMessage(string replacement, string expected)
    {
        var key = replacement[..replacement.IndexOf(' ')];
        var line = Small.Split('\n').First(l => l.StartsWith(key, StringComparison.Ordinal));
        var text = Small.Replace(line, replacement);
        Assert.NotEqual(Small, text);
        var e = Assert.Throws<PlanningFormatException>(() => VrplibReader.Read(text));
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("C1_10_1")]
    [InlineData("C2_10_1")]
    [InlineData("R1_10_1")]
    [InlineData("R2_10_1")]
    [InlineData("RC1_10_1")]
    [InlineData("RC2_10_1")]
    public void TheBestKnownSolutionsAreValidAndCostWhatTheyState(string name)
    {
        var instance = VrplibReader.ReadFile(TestData.HombergerPath(name));
        var solution = VrplibReader.ReadSolution(TestData.HombergerPath(name, ".sol"));
        Assert.Equal(1000, instance.Customers.Count);
        var plan = SolomonPlanner.FromRoutes(instance, solution.Routes);
        Assert.Empty(PlanValidator.Validate(instance, plan));
        Assert.Equal(solution.Cost, plan.Metrics.TravelKm, 0.05);
    }

    [Fact]
    public void AHombergerStyleSliceIsSolvedValidly()
    {
        // The first 200 customers of R1_10_1 with their windows: a small 1,000-customer-style day.
        var full = VrplibReader.ReadFile(TestData.HombergerPath("R1_10_1"));
        var instance = full with { Customers = full.Customers.Take(200).ToList() };
        var plan = SolomonPlanner.Solve(instance, new PlannerOptions(TimeSpan.FromSeconds(30), MaxIterations: 3000));
        Assert.Empty(plan.Unassigned);
        Assert.Equal(200, plan.Metrics.Assigned);
        Assert.Empty(PlanValidator.Validate(instance, plan));
    }

    [Fact]
    public void TheCliPlansAVrplibFile()
    {
        var path = TestData.HombergerPath("C2_10_1");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = PlanCommand.Run(["--vrplib", path, "--seconds", "2"], output, error);
        Assert.Equal("", error.ToString());
        Assert.Equal(0, code);
        Assert.Contains("\"travelKm\"", output.ToString());
    }
}
