using System.Diagnostics;

namespace Grid.Planning.Solver;

/// <summary>
/// Ruin-and-recreate with simulated-annealing acceptance. Single-threaded and driven by one seeded
/// generator: with MaxIterations set the result depends only on the seed; with only a time budget
/// it also depends on how many iterations fit.
/// </summary>
internal sealed class SisrSearch
{
    private readonly RoutingProblem _p;
    private readonly FastRandom _rng;
    private readonly Journal _journal;
    private readonly Ruin _ruin;
    private readonly Recreate _recreate;

    public SisrSearch(RoutingProblem p, int seed)
    {
        _p = p;
        _rng = new FastRandom(seed);
        _journal = new Journal(p);
        _ruin = new Ruin(p, _rng, _journal, averageRemoved: Math.Min(10, Math.Max(2, p.N / 4.0)), maxString: 10);
        _recreate = new Recreate(p, _rng, _journal);
    }

    public long Iterations { get; private set; }

    public Solution Run(TimeSpan budget, long? maxIterations = null) => Search(budget, maxIterations, restoreBest: true);

    /// <summary>For tests: the current (not best) state after a number of iterations.</summary>
    internal Solution RunWithoutRestoringBest(long iterations) => Search(TimeSpan.FromHours(1), iterations, restoreBest: false);

    private Solution Search(TimeSpan budget, long? maxIterations, bool restoreBest)
    {
        var clock = Stopwatch.StartNew();
        var s = new Solution(_p);
        _journal.Begin(s);
        var all = new List<int>(s.Unassigned);
        s.Unassigned.Clear();
        _recreate.Insert(all, s);
        var best = Journal.CreateBuffers(_p.M);
        var bestLength = new int[_p.M];
        s.SnapshotInto(best, bestLength);
        var bestCost = s.Cost;
        var t0 = 1.5 * AverageEdge(s);
        var tEnd = 0.01 * t0;
        var seconds = Math.Max(budget.TotalSeconds, 1e-3);
        var retry = new List<int>();
        for (long it = 0; maxIterations is null || it < maxIterations; it++)
        {
            var progress = maxIterations is { } max ? (double)it / max : clock.Elapsed.TotalSeconds / seconds;
            if (progress >= 1) break;
            var temperature = t0 * Math.Pow(tEnd / t0, progress);
            var before = s.Cost;
            _journal.Begin(s);
            var removed = _ruin.Apply(s);
            PickRetries(s, retry);
            removed.AddRange(retry);
            _recreate.Insert(removed, s);
            Iterations = it + 1;
            if (s.Cost < before - temperature * Math.Log(_rng.NextDouble() + 1e-300))
            {
                if (s.Cost < bestCost - 1e-9)
                {
                    bestCost = s.Cost;
                    s.SnapshotInto(best, bestLength);
                }
            }
            else
            {
                _journal.Undo(s);
            }
        }
        if (restoreBest) s.Restore(best, bestLength);
        return s;
    }

    /// <summary>A few unassigned customers get another chance each iteration; trying all would be slow on big days.</summary>
    private void PickRetries(Solution s, List<int> retry)
    {
        retry.Clear();
        var u = s.Unassigned;
        if (u.Count == 0) return;
        var chance = Math.Min(1.0, 8.0 / u.Count);
        for (var i = u.Count - 1; i >= 0; i--)
        {
            if (_rng.NextDouble() >= chance) continue;
            retry.Add(u[i]);
            u.RemoveAt(i);
        }
    }

    private double AverageEdge(Solution s)
    {
        var used = s.Routes.Count(r => r.Count > 0);
        var assigned = _p.N - s.Unassigned.Count;
        return assigned == 0 ? 1 : Math.Max(1e-3, s.RouteCostSum / (assigned + used));
    }
}
