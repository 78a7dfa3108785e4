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
    /// <summary>
    /// Cost distance between points, row-major Points × Points, when it fits in
    /// <see cref="MatrixBytesLimit"/>; otherwise null and <see cref="Measure"/> computes each distance.
    /// </summary>
    public double[]? Dist { get; init; }
    /// <summary>Distance between two points computed on demand, for problems too large for a matrix.</summary>
    public Func<int, int, double>? Measure { get; init; }
    /// <summary>Travel time per unit of distance, per vehicle (a worker on foot, e-bike or by car).</summary>
    public required double[] TimePerDist { get; init; }
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
    public required float[]? ServeCost { get; init; }

    /// <summary>Each vehicle's paid end (grid days with overtime; null otherwise): a return after it costs <see cref="OvertimePerMinute"/>, up to <see cref="End"/>.</summary>
    public double[]? ShiftEnd { get; init; }

    public double OvertimePerMinute { get; init; }

    /// <summary>Cost per (working hour)² of each route, working = travel + service: balances workloads when positive.</summary>
    public double FairnessPerHour2 { get; init; }

    /// <summary>The fairness term of a route that works the given minutes.</summary>
    public double Fairness(double minutes) => FairnessPerHour2 * (minutes / 60) * (minutes / 60);

    /// <summary>Each vehicle's break, or null; null altogether when no vehicle has one.</summary>
    public WorkerBreak?[]? Breaks { get; init; }

    public int[][] Neighbors { get; private set; } = [];
    public double[] DepotDistance { get; private set; } = [];

    /// <summary>
    /// A full matrix up to 128 MiB (4,096 points; a 1,000-customer instance takes 8 MB). Beyond
    /// that distances are computed on demand, so memory grows with points × neighbours, not points².
    /// </summary>
    public const long MatrixBytesLimit = 128L << 20;

    public static bool MatrixFits(int points) => (long)points * points * sizeof(double) <= MatrixBytesLimit;

    public double D(int a, int b) => Dist is { } m ? m[a * Points + b] : Measure!(a, b);

    public double T(int v, int a, int b) => D(a, b) * TimePerDist[v];

    /// <summary>Bytes held by the problem's arrays (the solver's working state adds about as much as one route per customer).</summary>
    public long ApproximateBytes() =>
        (Dist?.LongLength ?? 0) * sizeof(double)
        + (long)N * (4 * sizeof(double) + 2 * sizeof(double) + sizeof(int)) // windows, service, penalty, weight, depot distance, demand
        + Neighbors.Sum(n => (long)n.Length * sizeof(int))
        + (long)M * N * (sizeof(bool) + (ServeCost is null ? 0 : sizeof(float)))
        + (long)Points * 3 * sizeof(double); // coordinates as unit vectors

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
