namespace Grid.Planning.Solver;

/// <summary>
/// Remembers the routes an iteration changed so a rejected move is undone cheaply. Saved copies
/// live in one buffer per route, reused across iterations: no allocation once the buffers have grown.
/// </summary>
internal sealed class Journal(RoutingProblem p)
{
    private readonly int[] _touchedAt = new int[p.M];
    private readonly int[][] _copies = CreateBuffers(p.M);
    private readonly int[] _copyLength = new int[p.M];
    private readonly List<int> _touched = new(p.M);
    private readonly List<int> _unassigned = new(p.N);
    private double _penalty;
    private int _iteration;

    public void Begin(Solution s)
    {
        _iteration++;
        _touched.Clear();
        _unassigned.Clear();
        _unassigned.AddRange(s.Unassigned);
        _penalty = s.PenaltySum;
    }

    public void Touch(int route, Solution s)
    {
        if (_touchedAt[route] == _iteration) return;
        _touchedAt[route] = _iteration;
        _touched.Add(route);
        var customers = s.Routes[route];
        if (_copies[route].Length < customers.Count) _copies[route] = new int[customers.Count * 2];
        customers.CopyTo(_copies[route]);
        _copyLength[route] = customers.Count;
    }

    public void Undo(Solution s)
    {
        foreach (var c in s.Unassigned) s.RouteOf[c] = -1;
        foreach (var c in _unassigned) s.RouteOf[c] = -1;
        // Clear every touched route before restoring any: a customer may have moved between two of them.
        foreach (var route in _touched)
        {
            foreach (var c in s.Routes[route]) s.RouteOf[c] = -1;
        }
        foreach (var route in _touched)
        {
            var customers = s.Routes[route];
            customers.Clear();
            for (var i = 0; i < _copyLength[route]; i++) customers.Add(_copies[route][i]);
            s.Recompute(route);
        }
        s.Unassigned.Clear();
        s.Unassigned.AddRange(_unassigned);
        s.PenaltySum = _penalty;
    }

    internal static int[][] CreateBuffers(int count)
    {
        var buffers = new int[count][];
        for (var i = 0; i < count; i++) buffers[i] = new int[8];
        return buffers;
    }
}
