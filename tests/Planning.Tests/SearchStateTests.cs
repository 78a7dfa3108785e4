using Grid.Planning.Solver;

namespace Grid.Planning.Tests;

public sealed class SearchStateTests
{
    [Fact]
    public void AfterManyAcceptedAndRejectedMovesEveryCustomerIsIndexedWhereItIs()
    {
        var problem = ProblemBuilder.FromSolomon(TestData.Solomon("R101"));
        problem.Prepare(VisitPlanner.NeighborCount);
        var search = new SisrSearch(problem, seed: 3);
        var s = search.RunWithoutRestoringBest(3000);
        for (var r = 0; r < problem.M; r++)
        {
            for (var i = 0; i < s.Routes[r].Count; i++)
            {
                Assert.Equal((r, i), (s.RouteOf[s.Routes[r][i]], s.PosOf[s.Routes[r][i]]));
            }
        }
        Assert.All(s.Unassigned, c => Assert.Equal(-1, s.RouteOf[c]));
        Assert.Equal(problem.N, s.Routes.Sum(r => r.Count) + s.Unassigned.Count);
    }
}
