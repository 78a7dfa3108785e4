using Grid.Grains.Boundaries;
using Grid.Grains.Geography;

namespace Grid.Regions.Tests;

public sealed class BoundaryPlannerTests
{
    private const string A = "421202001001", B = "421202001002";

    private static EditImpact Move() => new($"{A}-G02", $"{B}-G06", A, B, "B第06网格", "POLYGON EMPTY", [$"{A}-G02"], 0);

    [Fact]
    public void ResidentsWhoseHomeFallsInAnotherGridMoveAndTheRestStay()
    {
        var plan = BoundaryPlanner.Plan(Move(),
            [new("r1", $"{A}-G02", A, $"{B}-G06"), new("r2", $"{A}-G01", A, $"{A}-G01"), new("r3", $"{A}-G02", A, null)], [], []);

        Assert.Equal([new ResidentMove("r1", $"{A}-G02", $"{B}-G06", A, B)], plan.Residents);
        Assert.Equal(["r3"], plan.UnplacedResidents);
    }

    [Fact]
    public void AWorkerServingOnlyTheMovedGridMovesWithItAndOthersLoseIt()
    {
        var plan = BoundaryPlanner.Plan(Move(), [],
            [new("w2", A, [$"{A}-G02"]), new("p1", A, [$"{A}-G01", $"{A}-G02"]), new("w1", A, [$"{A}-G01"])], []);

        Assert.Equal([new WorkerMove("p1", WorkerMoveKind.Unassigned, A, A), new WorkerMove("w2", WorkerMoveKind.Moves, A, B)], plan.Workers);
    }

    [Fact]
    public void OpenTasksOfAMovedGridFollowItsNewId()
    {
        var plan = BoundaryPlanner.Plan(Move(), [], [], [new("t1", $"{A}-G02"), new("t2", $"{A}-G01")]);

        Assert.Equal([new TaskMove("t1", $"{A}-G02", $"{B}-G06")], plan.Tasks);
    }

    [Fact]
    public void ARedrawInsideTheVillageMovesNoWorkersOrTasks()
    {
        var redraw = Move() with { NewGridId = $"{A}-G02", ToVillageCode = A };

        var plan = BoundaryPlanner.Plan(redraw, [], [new("w2", A, [$"{A}-G02"])], [new("t1", $"{A}-G02")]);

        Assert.Empty(plan.Workers);
        Assert.Empty(plan.Tasks);
    }
}
