namespace Grid.Grains.Dispatch;

/// <summary>
/// The separate, longer-term proposal: hand a whole grid from the busiest worker to a less loaded
/// worker of the same village, with the giver's open tasks in that grid. A worker keeps at least
/// one grid, and a hand-over is proposed only when it lowers the higher of the two loads.
/// </summary>
public static class GridRebalancer
{
    public static GridProposal Propose(IReadOnlyList<BalanceWorker> workers, IReadOnlyList<BalanceTask> tasks, int maxMoves = 3)
    {
        var grids = workers.ToDictionary(w => w.Id, w => w.GridIds.ToHashSet());
        var assigned = tasks.ToDictionary(t => t.TaskId, t => t.WorkerId);
        var moves = new List<GridMove>();
        while (moves.Count < maxMoves && Best(workers, tasks, grids, assigned) is { } move)
        {
            grids[move.FromWorkerId].Remove(move.GridId);
            grids[move.ToWorkerId].Add(move.GridId);
            foreach (var t in tasks.Where(t => t.GridId == move.GridId && assigned[t.TaskId] == move.FromWorkerId))
                assigned[t.TaskId] = move.ToWorkerId;
            moves.Add(move);
        }
        return new GridProposal(moves, Rebalancer.Measure(workers, tasks, t => t.WorkerId), Rebalancer.Measure(workers, tasks, t => assigned[t.TaskId]));
    }

    private static GridMove? Best(IReadOnlyList<BalanceWorker> workers, IReadOnlyList<BalanceTask> tasks,
        Dictionary<string, HashSet<string>> grids, Dictionary<string, string> assigned)
    {
        int Load(string id) => tasks.Count(t => assigned[t.TaskId] == id);
        var donor = workers.OrderByDescending(w => Load(w.Id)).ThenBy(w => w.Id, StringComparer.Ordinal).FirstOrDefault();
        if (donor is null || grids[donor.Id].Count < 2) return null;
        var donorLoad = Load(donor.Id);
        GridMove? best = null;
        var bestPeak = donorLoad;
        foreach (var grid in grids[donor.Id].Order(StringComparer.Ordinal))
        {
            var moving = tasks.Where(t => t.GridId == grid && assigned[t.TaskId] == donor.Id).ToList();
            if (moving.Count == 0) continue;
            foreach (var to in workers.Where(w => w.Id != donor.Id && w.VillageCode == donor.VillageCode && !grids[w.Id].Contains(grid)))
            {
                var toLoad = Load(to.Id) + moving.Count;
                if (toLoad > to.Capacity || !moving.All(t => t.Skills.All(to.Skills.Contains))) continue;
                var peak = Math.Max(donorLoad - moving.Count, toLoad);
                if (peak < bestPeak) (bestPeak, best) = (peak, new GridMove(grid, donor.Id, to.Id, moving.Count));
            }
        }
        return best;
    }
}
