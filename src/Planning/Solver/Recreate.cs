namespace Grid.Planning.Solver;

/// <summary>Greedy insertion with blinks: each customer goes to its cheapest feasible position.</summary>
internal sealed class Recreate(RoutingProblem p, FastRandom rng, Journal journal)
{
    private const double BlinkRate = 0.01;
    private readonly int[] _classSeen = new int[p.M];
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
        var bestRoute = -1;
        var bestPos = -1;
        var best = double.MaxValue;
        for (var r = 0; r < p.M; r++)
        {
            if (!p.CanServe(r, c)) continue;
            var route = s.Routes[r];
            var len = route.Count;
            if (len >= p.MaxVisits[r] || s.Load[r] + p.Demand[c] > p.Capacity[r]) continue;
            var depot = p.Depot[r];
            var extra = p.Extra(r, c);
            if (len == 0)
            {
                if (_classSeen[p.VehicleClass[r]] == _stamp) continue;
                _classSeen[p.VehicleClass[r]] = _stamp;
                var d = p.D(depot, c) + p.D(c, depot) + extra;
                if (d < best) (best, bestRoute, bestPos) = (d, r, 0);
                continue;
            }
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
                    var arrive = depart + p.T(prev, c);
                    if (arrive <= due + Schedule.Eps)
                    {
                        var begin = Math.Max(arrive, ready);
                        var nextLatest = pos < len ? latest[pos] : p.End[r];
                        if (begin + service + p.T(c, next) <= nextLatest + Schedule.Eps)
                        {
                            var delta = p.D(prev, c) + p.D(c, next) - p.D(prev, next) + extra;
                            if (delta < best) (best, bestRoute, bestPos) = (delta, r, pos);
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
        return (bestRoute, bestPos, best);
    }

    private void Order(List<int> customers)
    {
        var keys = new double[customers.Count];
        var pick = rng.Next(11);
        for (var i = 0; i < keys.Length; i++)
        {
            var c = customers[i];
            var tie = rng.NextDouble() * 1e-6;
            keys[i] = pick switch
            {
                < 4 => rng.NextDouble(),
                < 8 => -p.Weight[c] - tie,
                < 10 => -p.DepotDistance[c] - tie,
                _ => p.DepotDistance[c] + tie,
            };
            if (pick >= 4) keys[i] -= 1e9 * p.Penalty[c] / 1e7; // more valuable customers first
        }
        var array = customers.ToArray();
        Array.Sort(keys, array);
        customers.Clear();
        customers.AddRange(array);
    }
}
