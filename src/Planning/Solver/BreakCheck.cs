namespace Grid.Planning.Solver;

/// <summary>
/// Whether a route (optionally with customer c inserted at a position) leaves room for its worker's
/// break, in O(length): earliest free moments forward, latest feasible starts backward, then the
/// first gap where <see cref="BreakRule"/> fits without delaying a visit, else the first where it fits. Earliest departures make the test exact, and a
/// removal never makes a fitting route unfit (travel obeys the triangle inequality).
/// </summary>
internal sealed class BreakCheck(RoutingProblem p)
{
    private int[] _seq = new int[16];
    private double[] _free = new double[17];
    private double[] _latest = new double[17];

    /// <summary>The gap (0 = before the first visit) and start of the break, or false when it does not fit or the route breaks a window.</summary>
    public bool Place(int v, IReadOnlyList<int> route, int insertPos, int c, out int gap, out double start)
    {
        gap = -1;
        start = 0;
        var rule = p.Breaks![v];
        var len = Load(route, insertPos, c);
        if (rule is null || len == 0) return true;
        var depot = p.Depot[v];
        _free[0] = p.Start[v];
        var prev = depot;
        for (var i = 0; i < len; i++)
        {
            var x = _seq[i];
            var begin = Math.Max(_free[i] + p.T(v, prev, x), p.Ready[x]);
            if (begin > p.Due[x] + Schedule.Eps) return false;
            _free[i + 1] = begin + p.Service[x];
            prev = x;
        }
        _latest[len] = p.End[v];
        var next = depot;
        for (var i = len - 1; i >= 0; i--)
        {
            var x = _seq[i];
            _latest[i] = Math.Min(p.Due[x], _latest[i + 1] - p.Service[x] - p.T(v, x, next));
            next = x;
        }
        // Prefer the first gap where the break delays nothing (the earliest-start schedule stands, and a
        // break after the last visit keeps the paid end); else the first gap where it fits at all, which
        // pushes the later visits back. Without the preference a free morning put lunch before the first
        // visit and every visit after 12:00.
        var fallback = -1;
        var fallbackStart = 0.0;
        for (var k = 0; k <= len; k++)
        {
            if (_free[k] > rule.Latest + Schedule.Eps) break;
            var from = k == 0 ? depot : _seq[k - 1];
            var to = k == len ? depot : _seq[k];
            if (!BreakRule.Fits(rule, _free[k], _latest[k], p.T(v, from, to), out var at)) continue;
            var travel = p.T(v, from, to);
            // The next arrival as the plan builder times it (travel first, the break when its window opens) against the undelayed start.
            var undelayed = k < len
                ? Math.Max(_free[k] + travel, at) + rule.Minutes <= Math.Max(_free[k] + travel, p.Ready[to]) + Schedule.Eps
                : at + rule.Minutes + travel <= (p.ShiftEnd?[v] ?? p.End[v]) + Schedule.Eps;
            if (undelayed)
            {
                (gap, start) = (k, at);
                return true;
            }
            if (fallback < 0) (fallback, fallbackStart) = (k, at);
        }
        if (fallback < 0) return false;
        (gap, start) = (fallback, fallbackStart);
        return true;
    }

    public bool Fits(int v, IReadOnlyList<int> route, int insertPos, int c) =>
        p.Breaks?[v] is null || Place(v, route, insertPos, c, out _, out _);

    private int Load(IReadOnlyList<int> route, int insertPos, int c)
    {
        var len = route.Count + (insertPos >= 0 ? 1 : 0);
        if (_seq.Length < len)
        {
            _seq = new int[len * 2];
            _free = new double[len * 2 + 1];
            _latest = new double[len * 2 + 1];
        }
        var j = 0;
        for (var i = 0; i < route.Count; i++)
        {
            if (i == insertPos) _seq[j++] = c;
            _seq[j++] = route[i];
        }
        if (insertPos == route.Count) _seq[j++] = c;
        return len;
    }
}
