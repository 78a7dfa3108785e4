using Grid.Geo;

namespace Grid.Planning.Solver;

internal static class ProblemBuilder
{
    public const double SolomonMissPenalty = 1e7;

    public static RoutingProblem FromGrid(PlanningInstance instance)
    {
        var n = instance.Visits.Count;
        var m = instance.Workers.Count;
        var points = n + m;
        var lat = new double[points];
        var lng = new double[points];
        for (var i = 0; i < n; i++) (lat[i], lng[i]) = (instance.Visits[i].Lat, instance.Visits[i].Lng);
        for (var v = 0; v < m; v++) (lat[n + v], lng[n + v]) = (instance.Workers[v].Lat, instance.Workers[v].Lng);
        double[]? dist = null;
        Func<int, int, double>? measure = null;
        if (RoutingProblem.MatrixFits(points))
        {
            dist = GeoDistance.PairwiseKm(lat, lng);
            for (var i = 0; i < dist.Length; i++) dist[i] *= instance.RoadFactor;
        }
        else
        {
            var sphere = new GeoDistance.UnitPoints(lat, lng);
            var detour = instance.RoadFactor;
            measure = (a, b) => sphere.Km(a, b) * detour;
        }
        var allowed = new bool[m * n];
        var serveCost = new float[m * n];
        for (var v = 0; v < m; v++)
        {
            var worker = instance.Workers[v];
            var skills = worker.Skills.ToHashSet();
            var familiar = worker.Familiar.ToHashSet();
            for (var c = 0; c < n; c++)
            {
                var visit = instance.Visits[c];
                var needs = visit.Skills;
                allowed[v * n + c] = worker.MaxVisits > 0 && (needs.Count == 0 || needs.All(skills.Contains))
                    && (visit.WorkerId is null || visit.WorkerId == worker.Id);
                serveCost[v * n + c] = familiar.Contains(instance.Visits[c].ResidentId) ? 0 : 2;
            }
        }
        var problem = new RoutingProblem
        {
            N = n, M = m, Points = points, Dist = dist, Measure = measure, TimePerDist = instance.Workers.Select(w => 60.0 / TravelModes.SpeedKmh(instance, w)).ToArray(),
            Ready = instance.Visits.Select(x => (double)x.Earliest).ToArray(),
            Due = instance.Visits.Select(x => (double)x.Latest).ToArray(),
            Service = instance.Visits.Select(x => (double)x.DurationMin).ToArray(),
            Demand = new int[n],
            Penalty = instance.Visits.Select(x => 1000.0 * x.Priority).ToArray(),
            Weight = instance.Visits.Select(x => (double)x.Priority).ToArray(),
            Depot = Enumerable.Range(n, m).ToArray(),
            Start = instance.Workers.Select(w => (double)w.Start).ToArray(),
            End = instance.Workers.Select(w => (double)instance.LatestBack(w)).ToArray(),
            ShiftEnd = instance.Workers.Select(w => (double)w.End).ToArray(),
            OvertimePerMinute = instance.Overtime?.CostPerMinute ?? 0,
            Capacity = Enumerable.Repeat(int.MaxValue / 2, m).ToArray(),
            MaxVisits = instance.Workers.Select(w => w.MaxVisits).ToArray(),
            VehicleClass = Enumerable.Range(0, m).ToArray(),
            Allowed = allowed,
            ServeCost = serveCost,
            FairnessPerHour2 = instance.FairnessWeight,
            Breaks = instance.Workers.Any(w => w.Break is not null) ? instance.Workers.Select(w => w.Break).ToArray() : null,
        };
        RemoveUnreachable(problem);
        return problem;
    }

    public static RoutingProblem FromSolomon(SolomonInstance instance)
    {
        var n = instance.Customers.Count;
        var m = instance.VehicleCount;
        var all = instance.Customers.Append(instance.Depot).ToArray();
        var points = n + 1;
        double[]? dist = null;
        Func<int, int, double> measure = (a, b) => instance.Distance(all[a], all[b]);
        if (RoutingProblem.MatrixFits(points))
        {
            dist = new double[points * points];
            for (var a = 0; a < points; a++)
            {
                for (var b = 0; b < points; b++) dist[a * points + b] = measure(a, b);
            }
        }
        var allowed = new bool[m * n];
        Array.Fill(allowed, true);
        var problem = new RoutingProblem
        {
            N = n, M = m, Points = points, Dist = dist, Measure = measure, TimePerDist = Enumerable.Repeat(1.0, m).ToArray(),
            Ready = instance.Customers.Select(x => x.Ready).ToArray(),
            Due = instance.Customers.Select(x => x.Due).ToArray(),
            Service = instance.Customers.Select(x => x.Service).ToArray(),
            Demand = instance.Customers.Select(x => x.Demand).ToArray(),
            Penalty = Enumerable.Repeat(SolomonMissPenalty, n).ToArray(),
            Weight = instance.Customers.Select(x => (double)x.Demand).ToArray(),
            Depot = Enumerable.Repeat(n, m).ToArray(),
            Start = Enumerable.Repeat(instance.Depot.Ready, m).ToArray(),
            End = Enumerable.Repeat(instance.Depot.Due, m).ToArray(),
            Capacity = Enumerable.Repeat(instance.Capacity, m).ToArray(),
            MaxVisits = Enumerable.Repeat(int.MaxValue / 2, m).ToArray(),
            VehicleClass = new int[m],
            Allowed = allowed,
            ServeCost = null,
        };
        RemoveUnreachable(problem);
        return problem;
    }

    /// <summary>Forbids pairs where even a route with only that customer breaks a window or a limit.</summary>
    private static void RemoveUnreachable(RoutingProblem p)
    {
        var breaks = new BreakCheck(p);
        for (var v = 0; v < p.M; v++)
        {
            for (var c = 0; c < p.N; c++)
            {
                var i = v * p.N + c;
                if (!p.Allowed[i]) continue;
                var start = Math.Max(p.Start[v] + p.T(v, p.Depot[v], c), p.Ready[c]);
                p.Allowed[i] = start <= p.Due[c] + Schedule.Eps
                    && start + p.Service[c] + p.T(v, c, p.Depot[v]) <= p.End[v] + Schedule.Eps
                    && p.Demand[c] <= p.Capacity[v]
                    && breaks.Fits(v, [], 0, c);
            }
        }
    }
}
