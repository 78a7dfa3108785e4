namespace Grid.Planning.Solver;

/// <summary>
/// The solver's view of a VRPTW: customers 0..N-1 are points 0..N-1, depots follow them.
/// Heterogeneous vehicles (own depot, hours, capacity, visit limit, skills) and per-vehicle
/// service costs cover both grid days and Solomon instances.
/// </summary>
internal sealed class RoutingProblem
{
    public required int N { get; init; }
    public required int M { get; init; }
    public required int Points { get; init; }
    /// <summary>Cost distance between points, row-major Points × Points.</summary>
    public required double[] Dist { get; init; }
    /// <summary>Travel time per unit of distance.</summary>
    public required double TimePerDist { get; init; }
    public required double[] Ready { get; init; }
    public required double[] Due { get; init; }
    public required double[] Service { get; init; }
    public required int[] Demand { get; init; }
    /// <summary>Cost of leaving a customer unserved.</summary>
    public required double[] Penalty { get; init; }
    /// <summary>Secondary sort key for insertion order (demand or priority).</summary>
    public required double[] Weight { get; init; }
    public required int[] Depot { get; init; }
    public required double[] Start { get; init; }
    public required double[] End { get; init; }
    public required int[] Capacity { get; init; }
    public required int[] MaxVisits { get; init; }
    /// <summary>Vehicles of one class are interchangeable; only one empty route per class is worth trying.</summary>
    public required int[] VehicleClass { get; init; }
    /// <summary>Whether vehicle v may serve customer c (skills), row-major M × N.</summary>
    public required bool[] Allowed { get; init; }
    /// <summary>Extra cost when vehicle v serves customer c (unfamiliar resident), row-major M × N; null when none.</summary>
    public required double[]? ServeCost { get; init; }

    public int[][] Neighbors { get; private set; } = [];
    public double[] DepotDistance { get; private set; } = [];

    public double D(int a, int b) => Dist[a * Points + b];

    public double T(int a, int b) => Dist[a * Points + b] * TimePerDist;

    public double Extra(int v, int c) => ServeCost is null ? 0 : ServeCost[v * N + c];

    public bool CanServe(int v, int c) => Allowed[v * N + c];

    public void Prepare(int neighborCount)
    {
        var k = Math.Min(neighborCount, N);
        Neighbors = new int[N][];
        // A bounded max-heap keeps the k nearest: O(N log k) per customer instead of a full sort.
        var heap = new PriorityQueue<int, double>(k + 1);
        for (var c = 0; c < N; c++)
        {
            heap.Clear();
            for (var o = 0; o < N; o++)
            {
                var d = o == c ? -1 : D(c, o);
                if (heap.Count < k) heap.Enqueue(o, -d);
                else if (heap.TryPeek(out _, out var worst) && -worst > d) heap.EnqueueDequeue(o, -d);
            }
            var list = new int[heap.Count];
            for (var i = list.Length - 1; i >= 0; i--) list[i] = heap.Dequeue();
            Neighbors[c] = list;
        }
        DepotDistance = new double[N];
        for (var c = 0; c < N; c++)
        {
            var best = double.MaxValue;
            for (var v = 0; v < M; v++) best = Math.Min(best, D(Depot[v], c));
            DepotDistance[c] = best;
        }
    }
}
