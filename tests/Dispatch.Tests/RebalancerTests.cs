using Grid.Grains.Dispatch;

namespace Grid.Dispatch.Tests;

public sealed class RebalancerTests
{
    private static BalanceWorker W(string id, string[] grids, int capacity = 8, string village = "V1", string[]? skills = null, double lat = 29.85) =>
        new(id, village, grids, skills ?? ["disability", "housing"], capacity, lat, 114.32);

    private static BalanceTask T(string id, string worker, string grid = "V1-G01", string[]? familiar = null, bool movable = true,
        string village = "V1", string[]? skills = null) =>
        new(id, worker, "R-" + id, grid, village, skills ?? [], 29.85, 114.32, movable, familiar ?? []);

    [Fact]
    public void TheBusiestWorkersLoadComesDown()
    {
        var workers = new[] { W("A", ["V1-G01"]), W("B", ["V1-G02"]), W("C", ["V1-G03"]) };
        var tasks = Enumerable.Range(1, 9).Select(i => T($"t{i}", "A")).ToList();
        var plan = Rebalancer.Plan(workers, tasks);
        Assert.Equal(9, plan.Before.MaxLoad);
        Assert.Equal(3, plan.After.MaxLoad);
        Assert.Equal(3, plan.Before.MeanLoad);
    }

    [Fact]
    public void RebalancingNeverLosesOrDuplicatesATask()
    {
        var random = new Random(7);
        for (var round = 0; round < 50; round++)
        {
            var workers = Enumerable.Range(0, random.Next(2, 8)).Select(i => W($"W{i}", [$"V1-G0{i % 3}"], capacity: random.Next(1, 10))).ToList();
            var tasks = Enumerable.Range(0, random.Next(0, 40)).Select(i => T($"t{i}", workers[random.Next(workers.Count)].Id,
                grid: $"V1-G0{random.Next(3)}", familiar: random.Next(3) == 0 ? [workers[random.Next(workers.Count)].Id] : [],
                movable: random.Next(5) > 0)).ToList();
            var plan = Rebalancer.Plan(workers, tasks);
            Assert.Equal(plan.Moves.Count, plan.Moves.Select(m => m.TaskId).Distinct().Count());
            var final = tasks.ToDictionary(t => t.TaskId, t => t.WorkerId);
            foreach (var move in plan.Moves)
            {
                Assert.Equal(final[move.TaskId], move.FromWorkerId);
                Assert.True(tasks.Single(t => t.TaskId == move.TaskId).Movable);
                final[move.TaskId] = move.ToWorkerId;
            }
            Assert.Equal(tasks.Count, final.Count);
            Assert.True(plan.After.MaxLoad <= plan.Before.MaxLoad);
        }
    }

    [Fact]
    public void FamiliarPairsAreKeptWhenAnotherTaskCanMoveInstead()
    {
        var workers = new[] { W("A", ["V1-G01"]), W("B", ["V1-G02"]) };
        var tasks = new[] { T("known", "A", familiar: ["A"]), T("t2", "A", familiar: ["A"]), T("stranger", "A") };
        var plan = Rebalancer.Plan(workers, tasks);
        Assert.Equal("stranger", Assert.Single(plan.Moves).TaskId);
        Assert.Equal(2.0 / 3, plan.After.FamiliarShare, 3);
    }

    [Fact]
    public void TasksGoOnlyToWorkersWhoMayTakeThem()
    {
        var workers = new[] { W("A", ["V1-G01"]), W("Elsewhere", ["V2-G01"], village: "V2"), W("NoSkill", ["V1-G02"], skills: []), W("Full", ["V1-G03"], capacity: 0) };
        var tasks = Enumerable.Range(1, 4).Select(i => T($"t{i}", "A", skills: ["disability"])).ToList();
        Assert.Empty(Rebalancer.Plan(workers, tasks).Moves);
    }

    [Fact]
    public void CheckedInTasksStayWithTheirWorker()
    {
        var workers = new[] { W("A", ["V1-G01"]), W("B", ["V1-G02"]) };
        var tasks = Enumerable.Range(1, 4).Select(i => T($"t{i}", "A", movable: false)).ToList();
        Assert.Empty(Rebalancer.Plan(workers, tasks).Moves);
    }

    [Fact]
    public void AGridHandOverIsProposedFromTheBusiestMultiGridWorkerAndKeepsOneGrid()
    {
        var workers = new[] { W("Cadre", ["V1-G01", "V1-G02"]), W("B", ["V1-G03"]) };
        var tasks = new[] { T("a", "Cadre", "V1-G01"), T("b", "Cadre", "V1-G01"), T("c", "Cadre", "V1-G02"), T("d", "Cadre", "V1-G02") };
        var proposal = GridRebalancer.Propose(workers, tasks);
        var move = Assert.Single(proposal.Moves);
        Assert.Equal(("Cadre", "B", 2), (move.FromWorkerId, move.ToWorkerId, move.Tasks));
        Assert.Equal(2, proposal.After.MaxLoad);
        Assert.Empty(GridRebalancer.Propose([W("Solo", ["V1-G01"]), W("B", ["V1-G03"])], [T("a", "Solo"), T("b", "Solo")]).Moves);
    }
}
