namespace Grid.Planning.Solver;

/// <summary>
/// Routes with cached earliest service starts (forward) and latest feasible starts (backward),
/// so that inserting a customer is checked in O(1) per position.
/// </summary>
internal sealed class Solution
{
    private readonly RoutingProblem _p;

    public Solution(RoutingProblem p)
    {
        _p = p;
        Routes = new List<int>[p.M];
        StartAt = new double[p.M][];
        LatestAt = new double[p.M][];
        for (var r = 0; r < p.M; r++)
        {
            Routes[r] = [];
            StartAt[r] = new double[8];
            LatestAt[r] = new double[8];
        }
        RouteCost = new double[p.M];
        Work = new double[p.M];
        Load = new int[p.M];
        RouteOf = new int[p.N];
        PosOf = new int[p.N];
        Array.Fill(RouteOf, -1);
        for (var c = 0; c < p.N; c++) Unassigned.Add(c);
        PenaltySum = p.Penalty.Sum();
    }

    public List<int>[] Routes { get; }
    public double[][] StartAt { get; }
    public double[][] LatestAt { get; }
    public double[] RouteCost { get; }
    /// <summary>Working minutes of each route: travel + service.</summary>
    public double[] Work { get; }
    public int[] Load { get; }
    public int[] RouteOf { get; }
    public int[] PosOf { get; }
    public List<int> Unassigned { get; } = [];
    public double RouteCostSum { get; private set; }
    public double PenaltySum { get; set; }
    public double Cost => RouteCostSum + PenaltySum;

    public void Recompute(int r)
    {
        var route = Routes[r];
        var len = route.Count;
        if (StartAt[r].Length < len)
        {
            StartAt[r] = new double[len * 2];
            LatestAt[r] = new double[len * 2];
        }
        var start = StartAt[r];
        var latest = LatestAt[r];
        var depot = _p.Depot[r];
        var cost = 0.0;
        var load = 0;
        var prev = depot;
        var t = _p.Start[r];
        for (var i = 0; i < len; i++)
        {
            var c = route[i];
            var s = Math.Max(t + _p.T(r, prev, c), _p.Ready[c]);
            start[i] = s;
            t = s + _p.Service[c];
            cost += _p.D(prev, c) + _p.Extra(r, c);
            load += _p.Demand[c];
            RouteOf[c] = r;
            PosOf[c] = i;
            prev = c;
        }
        cost += _p.D(prev, depot);
        // Overtime from the earliest-start schedule (a break is left out here; the plan's metrics count it).
        if (_p.OvertimePerMinute > 0 && len > 0) cost += _p.OvertimePerMinute * Math.Max(0, t + _p.T(r, prev, depot) - _p.ShiftEnd![r]);
        var work = 0.0;
        if (_p.FairnessPerHour2 > 0)
        {
            var prevPoint = depot;
            foreach (var c in route) { work += _p.T(r, prevPoint, c) + _p.Service[c]; prevPoint = c; }
            work += _p.T(r, prevPoint, depot);
            cost += _p.Fairness(work);
        }
        Work[r] = work;
        var next = depot;
        var nextLatest = _p.End[r];
        for (var i = len - 1; i >= 0; i--)
        {
            var c = route[i];
            var l = Math.Min(_p.Due[c], nextLatest - _p.T(r, c, next) - _p.Service[c]);
            latest[i] = l;
            nextLatest = l;
            next = c;
        }
        RouteCostSum += cost - RouteCost[r];
        RouteCost[r] = cost;
        Load[r] = load;
    }

    public void RecomputeTotals()
    {
        RouteCostSum = RouteCost.Sum();
        PenaltySum = Unassigned.Sum(c => _p.Penalty[c]);
    }

    /// <summary>Copies the routes into reusable buffers (grown when a route outgrows its buffer).</summary>
    public void SnapshotInto(int[][] routes, int[] lengths)
    {
        for (var r = 0; r < _p.M; r++)
        {
            if (routes[r].Length < Routes[r].Count) routes[r] = new int[Routes[r].Count * 2];
            Routes[r].CopyTo(routes[r]);
            lengths[r] = Routes[r].Count;
        }
    }

    public void Restore(int[][] routes, int[] lengths)
    {
        Array.Fill(RouteOf, -1);
        for (var r = 0; r < _p.M; r++)
        {
            Routes[r].Clear();
            for (var i = 0; i < lengths[r]; i++) Routes[r].Add(routes[r][i]);
            Recompute(r);
        }
        Unassigned.Clear();
        for (var c = 0; c < _p.N; c++) if (RouteOf[c] < 0) Unassigned.Add(c);
        RecomputeTotals();
    }
}
