using Grid.Geo;

namespace Grid.Grains.Dispatch;

/// <summary>
/// Brings the busiest worker's load down by moving single tasks, one at a time, to a worker who may
/// take them (serves the grid or its village, has the skills, has capacity) and ends up strictly
/// less loaded than the giver was. Among possible moves it keeps familiar pairs first (never breaks
/// one while another move exists), then prefers a receiver who knows the resident, then less travel and a less loaded receiver.
/// Every task keeps exactly one worker: a plan is a list of (task, from, to) over distinct tasks.
/// </summary>
public static class Rebalancer
{
    private const double BreaksFamiliarPair = 1000, GainsFamiliarPair = -50;

    public static RebalancePlan Plan(IReadOnlyList<BalanceWorker> workers, IReadOnlyList<BalanceTask> tasks, int maxMoves = 100)
    {
        var byId = workers.ToDictionary(w => w.Id);
        var assigned = tasks.ToDictionary(t => t.TaskId, t => t.WorkerId);
        var load = workers.ToDictionary(w => w.Id, w => tasks.Count(t => t.WorkerId == w.Id));
        var moved = new HashSet<string>();
        var moves = new List<TaskMove>();
        while (moves.Count < maxMoves)
        {
            var donor = load.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).First();
            var best = BestMove(donor.Key, donor.Value, byId, tasks, assigned, load, moved);
            if (best is null) break;
            var (task, to) = best.Value;
            assigned[task.TaskId] = to.Id;
            load[donor.Key]--;
            load[to.Id]++;
            moved.Add(task.TaskId);
            moves.Add(new TaskMove(task.TaskId, donor.Key, to.Id, MoveReason(task, donor.Key, to.Id, donor.Value, load[to.Id])));
        }
        return new RebalancePlan(moves, Measure(workers, tasks, t => t.WorkerId), Measure(workers, tasks, t => assigned[t.TaskId]));
    }

    private static (BalanceTask Task, BalanceWorker To)? BestMove(
        string donorId, int donorLoad, Dictionary<string, BalanceWorker> workers, IReadOnlyList<BalanceTask> tasks,
        Dictionary<string, string> assigned, Dictionary<string, int> load, HashSet<string> moved)
    {
        (BalanceTask, BalanceWorker)? best = null;
        var bestCost = double.MaxValue;
        foreach (var task in tasks.Where(t => t.Movable && assigned[t.TaskId] == donorId && !moved.Contains(t.TaskId)))
        {
            foreach (var to in workers.Values)
            {
                if (to.Id == donorId || load[to.Id] + 1 >= donorLoad || load[to.Id] + 1 > to.Capacity || !MayTake(to, task)) continue;
                // Less loaded receivers first among equals, so load spreads instead of piling onto one.
                var cost = Cost(task, workers.GetValueOrDefault(donorId), to) + load[to.Id];
                if (cost < bestCost || (cost == bestCost && best is { } b && string.CompareOrdinal(to.Id, b.Item2.Id) < 0))
                {
                    bestCost = cost;
                    best = (task, to);
                }
            }
        }
        return best;
    }

    public static bool MayTake(BalanceWorker w, BalanceTask t) =>
        (w.GridIds.Contains(t.GridId) || w.VillageCode == t.VillageCode) && t.Skills.All(w.Skills.Contains);

    private static double Cost(BalanceTask task, BalanceWorker? from, BalanceWorker to)
    {
        var cost = Km(to, task) - (from is null ? 0 : Km(from, task));
        if (task.FamiliarWorkers.Contains(task.WorkerId)) cost += BreaksFamiliarPair;
        if (task.FamiliarWorkers.Contains(to.Id)) cost += GainsFamiliarPair;
        return cost;
    }

    private static string MoveReason(BalanceTask task, string from, string to, int fromLoadBefore, int toLoadAfter) =>
        $"{from} 有 {fromLoadBefore} 件, {to} 接手后 {toLoadAfter} 件" + (task.FamiliarWorkers.Contains(to) ? ", 熟悉该居民" : "");

    public static BalanceMetrics Measure(IReadOnlyList<BalanceWorker> workers, IReadOnlyList<BalanceTask> tasks, Func<BalanceTask, string> workerOf)
    {
        var byId = workers.ToDictionary(w => w.Id);
        var loads = workers.Select(w => tasks.Count(t => workerOf(t) == w.Id)).ToList();
        var familiar = tasks.Count(t => t.FamiliarWorkers.Contains(workerOf(t)));
        var travel = tasks.Sum(t => byId.TryGetValue(workerOf(t), out var w) ? Km(w, t) : 0);
        return new BalanceMetrics(loads.Count == 0 ? 0 : loads.Max(), loads.Count == 0 ? 0 : loads.Average(),
            tasks.Count == 0 ? 1 : (double)familiar / tasks.Count, Math.Round(travel, 2));
    }

    internal static double Km(BalanceWorker w, BalanceTask t) => GeoDistance.HaversineMeters(w.Lat, w.Lng, t.Lat, t.Lng) / 1000;
}
