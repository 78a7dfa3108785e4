namespace Grid.Planning.Solver;

/// <summary>Remembers the routes an iteration changed so a rejected move is undone cheaply.</summary>
internal sealed class Journal(RoutingProblem p)
{
    private readonly int[] _touchedAt = new int[p.M];
    private readonly List<(int Route, int[] Customers)> _saved = [];
    private readonly List<int> _unassigned = [];
    private double _penalty;
    private int _iteration;

    public void Begin(Solution s)
    {
        _iteration++;
        _saved.Clear();
        _unassigned.Clear();
        _unassigned.AddRange(s.Unassigned);
        _penalty = s.PenaltySum;
    }

    public void Touch(int route, Solution s)
    {
        if (_touchedAt[route] == _iteration) return;
        _touchedAt[route] = _iteration;
        _saved.Add((route, s.Routes[route].ToArray()));
    }

    public void Undo(Solution s)
    {
        foreach (var c in s.Unassigned) s.RouteOf[c] = -1;
        foreach (var c in _unassigned) s.RouteOf[c] = -1;
        // Clear every touched route before restoring any: a customer may have moved between two of them.
        foreach (var (route, _) in _saved)
        {
            foreach (var c in s.Routes[route]) s.RouteOf[c] = -1;
        }
        foreach (var (route, customers) in _saved)
        {
            s.Routes[route].Clear();
            s.Routes[route].AddRange(customers);
            s.Recompute(route);
        }
        s.Unassigned.Clear();
        s.Unassigned.AddRange(_unassigned);
        s.PenaltySum = _penalty;
    }
}
