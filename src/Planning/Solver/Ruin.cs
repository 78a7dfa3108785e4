namespace Grid.Planning.Solver;

/// <summary>
/// String removal in the spirit of SISR (Christiaens and Vanden Berghe): removes short strings of
/// consecutive customers from routes near a random seed customer, so that the recreate step can
/// rearrange a neighbourhood rather than scattered single customers.
/// </summary>
internal sealed class Ruin(RoutingProblem p, FastRandom rng, Journal journal, double averageRemoved, int maxString)
{
    private const double RouteRemovalRate = 0.05;
    private readonly int[] _ruinedAt = new int[p.M];
    private readonly List<int> _removed = new(p.N);
    private int _stamp;

    /// <summary>Removes customers and returns them in a list that the next call reuses.</summary>
    public List<int> Apply(Solution s)
    {
        _stamp++;
        var removed = _removed;
        removed.Clear();
        var assigned = p.N - s.Unassigned.Count;
        if (assigned == 0) return removed;
        var used = 0;
        for (var r = 0; r < p.M; r++) if (s.Routes[r].Count > 0) used++;
        var lsMax = Math.Min(maxString, (double)assigned / used);
        var ksMax = 4 * averageRemoved / (1 + lsMax) - 1;
        var ks = (int)(rng.NextDouble() * ksMax) + 1;
        var seed = PickAssigned(s);
        var ruined = 0;
        if (used > 1 && rng.NextDouble() < RouteRemovalRate) ruined += RemoveShortRoute(s, removed);
        var neighbors = p.Neighbors[seed];
        for (var i = -1; i < neighbors.Length && ruined < ks; i++)
        {
            var c = i < 0 ? seed : neighbors[i];
            var r = s.RouteOf[c];
            if (r < 0 || _ruinedAt[r] == _stamp) continue;
            _ruinedAt[r] = _stamp;
            ruined++;
            var route = s.Routes[r];
            var ltMax = Math.Min(route.Count, lsMax);
            var lt = (int)(rng.NextDouble() * ltMax) + 1;
            journal.Touch(r, s);
            if (lt == route.Count || rng.NextDouble() < 0.5) RemoveString(s, r, s.PosOf[c], lt, 0, removed);
            else RemoveString(s, r, s.PosOf[c], lt, PreservedCount(route.Count, lt), removed);
            s.Recompute(r);
        }
        foreach (var c in removed)
        {
            s.RouteOf[c] = -1;
            s.PenaltySum += p.Penalty[c];
        }
        return removed;
    }

    /// <summary>
    /// Empties one of the shorter routes now and then: under a distance objective the search
    /// rarely walks a whole route away one string at a time.
    /// </summary>
    private int RemoveShortRoute(Solution s, List<int> removed)
    {
        var best = -1;
        for (var k = 0; k < 3; k++)
        {
            var r = s.RouteOf[PickAssigned(s)];
            if (best < 0 || s.Routes[r].Count < s.Routes[best].Count) best = r;
        }
        _ruinedAt[best] = _stamp;
        journal.Touch(best, s);
        removed.AddRange(s.Routes[best]);
        s.Routes[best].Clear();
        s.Recompute(best);
        return 1;
    }

    private int PreservedCount(int routeLength, int length)
    {
        var m = 1;
        while (length + m < routeLength && rng.NextDouble() < 0.5) m++;
        return m;
    }

    /// <summary>Removes `length` customers from a window of length+keep containing position pos, keeping a middle block of `keep`.</summary>
    private void RemoveString(Solution s, int r, int pos, int length, int keep, List<int> removed)
    {
        var route = s.Routes[r];
        var window = length + keep;
        var first = Math.Clamp(pos - rng.Next(window), 0, route.Count - window);
        var keepFrom = keep == 0 ? window : rng.Next(length + 1);
        // Compact in place: the kept block and the tail slide left over the removed customers.
        var write = first;
        for (var read = first; read < route.Count; read++)
        {
            var k = read - first;
            if (k < window && (k < keepFrom || k >= keepFrom + keep)) removed.Add(route[read]);
            else route[write++] = route[read];
        }
        route.RemoveRange(write, route.Count - write);
    }

    private int PickAssigned(Solution s)
    {
        while (true)
        {
            var c = rng.Next(p.N);
            if (s.RouteOf[c] >= 0) return c;
        }
    }
}
