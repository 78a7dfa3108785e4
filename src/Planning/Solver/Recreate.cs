namespace Grid.Planning.Solver;

/// <summary>
/// Greedy insertion with blinks: each customer goes to its cheapest feasible position. On large
/// problems the search is granular: only routes that serve one of the customer's nearest neighbours,
/// and one empty route per vehicle class, are tried.
/// </summary>
internal sealed class Recreate(RoutingProblem p, FastRandom rng, Journal journal)
{
    private const double BlinkRate = 0.01;
    /// <summary>From this many customers on, insertion looks only at routes near the customer.</summary>
    public const int GranularFrom = 400;
    private const int GranularNeighbors = 40;
    private readonly BreakCheck _breaks = new(p);
    private readonly int[] _classSeen = new int[p.M];
    private readonly int[] _routeSeen = new int[p.M];
    private readonly int[] _candidates = new int[p.M];
    private double[] _keys = new double[64];
    private int[] _order = new int[64];
    private int _stamp;

    public void Insert(List<int> customers, Solution s)
    {
        Order(customers);
        foreach (var c in customers)
        {
            var (route, pos, delta) = BestPosition(c, s);
            if (route < 0 || delta >= p.Penalty[c])
            {
                s.Unassigned.Add(c);
                continue;
            }
            journal.Touch(route, s);
            s.Routes[route].Insert(pos, c);
            s.PenaltySum -= p.Penalty[c];
            s.Recompute(route);
        }
    }

    private (int Route, int Pos, double Delta) BestPosition(int c, Solution s)
    {
        _stamp++;
        // With paid overtime a place can cost more than leaving the visit out (its penalty): then it stays out.
        var best = (Route: -1, Pos: -1, Delta: p.OvertimePerMinute > 0 ? p.Penalty[c] : double.MaxValue);
        var count = Candidates(c, s);
        for (var i = 0; i < count; i++)
        {
            var r = _candidates[i];
            var len = s.Routes[r].Count;
            if (len >= p.MaxVisits[r] || s.Load[r] + p.Demand[c] > p.Capacity[r]) continue;
            if (len == 0)
            {
                var depot = p.Depot[r];
                var d = p.D(depot, c) + p.D(c, depot) + p.Extra(r, c);
                if (p.FairnessPerHour2 > 0) d += p.Fairness((p.D(depot, c) + p.D(c, depot)) * p.TimePerDist[r] + p.Service[c]);
                if (p.OvertimePerMinute > 0) d += OvertimeDelta(s, r, 0, c, Math.Max(p.Start[r] + p.T(r, depot, c), p.Ready[c]) + p.Service[c]);
                if (d < best.Delta && _breaks.Fits(r, s.Routes[r], 0, c)) best = (r, 0, d);
                continue;
            }
            TryRoute(c, r, s, ref best);
        }
        return best;
    }

    /// <summary>
    /// Routes worth trying for c: one empty route per vehicle class, and every used route that may
    /// serve it, or on large problems only those that serve one of its nearest neighbours.
    /// </summary>
    private int Candidates(int c, Solution s)
    {
        var count = 0;
        for (var r = 0; r < p.M; r++)
        {
            if (s.Routes[r].Count > 0 || _classSeen[p.VehicleClass[r]] == _stamp || !p.CanServe(r, c)) continue;
            _classSeen[p.VehicleClass[r]] = _stamp;
            _candidates[count++] = r;
        }
        if (p.N < GranularFrom)
        {
            for (var r = 0; r < p.M; r++) if (s.Routes[r].Count > 0 && p.CanServe(r, c)) _candidates[count++] = r;
            return count;
        }
        var neighbors = p.Neighbors[c];
        var k = Math.Min(GranularNeighbors, neighbors.Length);
        for (var i = 0; i < k; i++)
        {
            var r = s.RouteOf[neighbors[i]];
            if (r < 0 || _routeSeen[r] == _stamp || !p.CanServe(r, c)) continue;
            _routeSeen[r] = _stamp;
            _candidates[count++] = r;
        }
        return count;
    }

    private void TryRoute(int c, int r, Solution s, ref (int Route, int Pos, double Delta) best)
    {
        var route = s.Routes[r];
        var len = route.Count;
        var depot = p.Depot[r];
        var extra = p.Extra(r, c);
        var start = s.StartAt[r];
        var latest = s.LatestAt[r];
        var prev = depot;
        var depart = p.Start[r];
        var due = p.Due[c];
        var ready = p.Ready[c];
        var service = p.Service[c];
        for (var pos = 0; pos <= len; pos++)
        {
            if (depart > due) break;
            var next = pos < len ? route[pos] : depot;
            if (rng.NextDouble() >= BlinkRate)
            {
                var arrive = depart + p.T(r, prev, c);
                if (arrive <= due + Schedule.Eps)
                {
                    var begin = Math.Max(arrive, ready);
                    var nextLatest = pos < len ? latest[pos] : p.End[r];
                    if (begin + service + p.T(r, c, next) <= nextLatest + Schedule.Eps)
                    {
                        var added = p.D(prev, c) + p.D(c, next) - p.D(prev, next);
                        var delta = added + extra;
                        if (p.FairnessPerHour2 > 0) delta += p.Fairness(s.Work[r] + added * p.TimePerDist[r] + service) - p.Fairness(s.Work[r]);
                        if (p.OvertimePerMinute > 0) delta += OvertimeDelta(s, r, pos, c, begin + service);
                        if (delta < best.Delta && _breaks.Fits(r, route, pos, c)) best = (r, pos, delta);
                    }
                }
            }
            if (pos < len)
            {
                depart = start[pos] + p.Service[next];
                prev = next;
            }
        }
    }

    /// <summary>The change in a route's overtime term when c, ending at <paramref name="end"/>, goes in at pos: the later visits' starts replayed (O(len), overtime days only).</summary>
    private double OvertimeDelta(Solution s, int r, int pos, int c, double end)
    {
        var route = s.Routes[r];
        var depot = p.Depot[r];
        var oldBack = route.Count == 0 ? p.ShiftEnd![r] : s.StartAt[r][route.Count - 1] + p.Service[route[^1]] + p.T(r, route[^1], depot);
        var t = end;
        var prev = c;
        for (var k = pos; k < route.Count; k++)
        {
            t = Math.Max(t + p.T(r, prev, route[k]), p.Ready[route[k]]) + p.Service[route[k]];
            prev = route[k];
        }
        var back = t + p.T(r, prev, depot);
        return p.OvertimePerMinute * (Math.Max(0, back - p.ShiftEnd![r]) - Math.Max(0, oldBack - p.ShiftEnd[r]));
    }

    private void Order(List<int> customers)
    {
        var n = customers.Count;
        if (_keys.Length < n)
        {
            _keys = new double[n * 2];
            _order = new int[n * 2];
        }
        var pick = rng.Next(11);
        for (var i = 0; i < n; i++)
        {
            var c = customers[i];
            var tie = rng.NextDouble() * 1e-6;
            _keys[i] = pick switch
            {
                < 4 => rng.NextDouble(),
                < 8 => -p.Weight[c] - tie,
                < 10 => -p.DepotDistance[c] - tie,
                _ => p.DepotDistance[c] + tie,
            };
            if (pick >= 4) _keys[i] -= 1e9 * p.Penalty[c] / 1e7; // more valuable customers first
            _order[i] = c;
        }
        Array.Sort(_keys, _order, 0, n);
        for (var i = 0; i < n; i++) customers[i] = _order[i];
    }
}
