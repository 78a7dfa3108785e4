using System.Globalization;
using Grid.Geo;

namespace Grid.Planning;

internal sealed class GridPlanChecker(PlanningInstance instance, Plan plan)
{
    private const double Strict = 1e-6;
    private readonly List<string> _violations = [];
    private readonly Dictionary<string, Worker> _workers = instance.Workers.ToDictionary(w => w.Id);
    private readonly Dictionary<string, Visit> _visits = instance.Visits.ToDictionary(v => v.Id);

    public IReadOnlyList<string> Check()
    {
        CheckEachVisitOnce();
        var travelKm = 0.0;
        var familiar = 0;
        var counts = new List<int>();
        var work = new List<double>();
        var travelMinutes = 0.0;
        var overtime = 0.0;
        var usedWorkers = new HashSet<string>();
        foreach (var route in plan.Routes)
        {
            if (!_workers.TryGetValue(route.WorkerId, out var worker))
            {
                Add($"route for unknown worker '{route.WorkerId}'");
                continue;
            }
            if (!usedWorkers.Add(worker.Id)) Add($"worker '{worker.Id}' has more than one route");
            var stops = route.Stops.Where(s => _visits.ContainsKey(s.VisitId)).ToList();
            if (stops.Count == 0) continue;
            counts.Add(stops.Count);
            if (stops.Count > worker.MaxVisits) Add($"worker '{worker.Id}' makes {stops.Count} visits, more than maxVisits {worker.MaxVisits}");
            var familiarResidents = worker.Familiar.ToHashSet();
            var skills = worker.Skills.ToHashSet();
            foreach (var stop in stops)
            {
                var visit = _visits[stop.VisitId];
                var missing = visit.Skills.Where(s => !skills.Contains(s)).ToList();
                if (missing.Count > 0) Add($"worker '{worker.Id}' lacks skill(s) {string.Join(", ", missing)} for visit '{visit.Id}'");
                if (visit.WorkerId is { } only && only != worker.Id) Add($"visit '{visit.Id}' is committed to worker '{only}', not '{worker.Id}'");
                if (familiarResidents.Contains(visit.ResidentId)) familiar++;
            }
            var routeKm = CheckSchedule(worker, stops);
            travelKm += routeKm;
            var routeMinutes = routeKm / TravelModes.SpeedKmh(instance, worker) * 60;
            travelMinutes += routeMinutes;
            work.Add(routeMinutes + stops.Sum(st => _visits[st.VisitId].DurationMin));
            CheckBreak(worker, route.Break, stops);
            var depart = Math.Max(stops[^1].End, route.Break is { } pause && pause.Start >= stops[^1].End ? pause.End : 0);
            var last = _visits[stops[^1].VisitId];
            overtime += instance.OvertimeCost(worker, depart + Km(last.Lat, last.Lng, worker.Lat, worker.Lng) / TravelModes.SpeedKmh(instance, worker) * 60);
        }
        work.AddRange(Enumerable.Repeat(0.0, Math.Max(0, instance.Workers.Count - work.Count))); // idle workers
        if (plan.Metrics.TravelMinutes is { } claimedMinutes && !PlanValidator.Near(claimedMinutes, travelMinutes, 0.1))
        {
            Add($"metrics.travelMinutes is {claimedMinutes} but the routes take {F(travelMinutes)} minutes of travel");
        }
        CheckMetrics(travelKm, familiar, counts, work, overtime);
        return _violations;
    }

    private void CheckEachVisitOnce()
    {
        var seen = new Dictionary<string, int>();
        foreach (var id in plan.Routes.SelectMany(r => r.Stops).Select(s => s.VisitId).Concat(plan.Unassigned))
        {
            if (!_visits.ContainsKey(id)) Add($"visit '{id}' is not in the instance");
            seen[id] = seen.GetValueOrDefault(id) + 1;
        }
        foreach (var visit in instance.Visits)
        {
            var count = seen.GetValueOrDefault(visit.Id);
            if (count == 0) Add($"visit '{visit.Id}' is neither in a route nor unassigned");
            else if (count > 1) Add($"visit '{visit.Id}' appears {count} times");
        }
    }

    /// <summary>Checks claimed times leg by leg, then the sequence itself with exact earliest-start times.</summary>
    private double CheckSchedule(Worker worker, List<PlanStop> stops)
    {
        var km = 0.0;
        double lat = worker.Lat, lng = worker.Lng;
        var claimedDepart = (double)worker.Start;
        var exactDepart = (double)worker.Start;
        var exactOk = true;
        foreach (var stop in stops)
        {
            var visit = _visits[stop.VisitId];
            var legKm = Km(lat, lng, visit.Lat, visit.Lng);
            var legMin = legKm / TravelModes.SpeedKmh(instance, worker) * 60;
            km += legKm;
            var where = $"worker '{worker.Id}' at visit '{visit.Id}'";
            if (stop.Arrive < claimedDepart + legMin - PlanValidator.ClockToleranceMin)
            {
                Add($"{where}: arrives {Clock(stop.Arrive)} but cannot arrive before {Clock(claimedDepart + legMin)}");
            }
            if (stop.Start < stop.Arrive - PlanValidator.ClockToleranceMin) Add($"{where}: starts {Clock(stop.Start)} before arriving {Clock(stop.Arrive)}");
            if (stop.Start < visit.Earliest - PlanValidator.ClockToleranceMin) Add($"{where}: starts {Clock(stop.Start)} before earliest {Clock(visit.Earliest)}");
            if (stop.Start > visit.Latest + PlanValidator.ClockToleranceMin) Add($"{where}: starts {Clock(stop.Start)} after latest {Clock(visit.Latest)}");
            if (!PlanValidator.Near(stop.End, stop.Start + visit.DurationMin, PlanValidator.ClockToleranceMin))
            {
                Add($"{where}: ends {Clock(stop.End)} but service of {visit.DurationMin} min from {Clock(stop.Start)} ends {Clock(stop.Start + visit.DurationMin)}");
            }
            claimedDepart = stop.End;
            var exactStart = Math.Max(exactDepart + legMin, visit.Earliest);
            if (exactOk && exactStart > visit.Latest + Strict)
            {
                Add($"{where}: even leaving as early as possible, service cannot start by {Clock(visit.Latest)} (earliest {Clock(exactStart)})");
                exactOk = false;
            }
            exactDepart = exactStart + visit.DurationMin;
            (lat, lng) = (visit.Lat, visit.Lng);
        }
        var backKm = Km(lat, lng, worker.Lat, worker.Lng);
        var backMin = backKm / TravelModes.SpeedKmh(instance, worker) * 60;
        km += backKm;
        var latestBack = instance.LatestBack(worker);
        if (claimedDepart + backMin > latestBack + PlanValidator.ClockToleranceMin)
        {
            Add($"worker '{worker.Id}' is back at {Clock(claimedDepart + backMin)}, after the end of the day {Clock(latestBack)}");
        }
        else if (exactOk && exactDepart + backMin > latestBack + Strict)
        {
            Add($"worker '{worker.Id}' cannot be back by {Clock(latestBack)} (earliest return {Clock(exactDepart + backMin)})");
        }
        return km;
    }

    /// <summary>A worker with a break window takes it once on a working day, between visits, with the travel of that gap around it.</summary>
    private void CheckBreak(Worker worker, PlanBreak? pause, List<PlanStop> stops)
    {
        const double tol = PlanValidator.ClockToleranceMin;
        if (worker.Break is not { } rule)
        {
            if (pause is not null) Add($"worker '{worker.Id}' has a break in the plan but none in the instance");
            return;
        }
        if (pause is null)
        {
            Add($"worker '{worker.Id}' works but takes no break ({rule.Minutes} min starting {Clock(rule.Earliest)}–{Clock(rule.Latest)})");
            return;
        }
        var where = $"worker '{worker.Id}' break {Clock(pause.Start)}–{Clock(pause.End)}";
        if (pause.Start < rule.Earliest - tol || pause.Start > rule.Latest + tol) Add($"{where} starts outside {Clock(rule.Earliest)}–{Clock(rule.Latest)}");
        if (!PlanValidator.Near(pause.End - pause.Start, rule.Minutes, tol)) Add($"{where} does not last {rule.Minutes} min");
        // The gap it sits in: after the last visit that ends by its start, before the next visit's start (or the day's end).
        var k = stops.Count(s => s.End <= pause.Start + tol);
        var free = k == 0 ? worker.Start : stops[k - 1].End;
        double lat = k == 0 ? worker.Lat : _visits[stops[k - 1].VisitId].Lat, lng = k == 0 ? worker.Lng : _visits[stops[k - 1].VisitId].Lng;
        var next = k < stops.Count ? _visits[stops[k].VisitId] : null;
        var travel = Km(lat, lng, next?.Lat ?? worker.Lat, next?.Lng ?? worker.Lng) / TravelModes.SpeedKmh(instance, worker) * 60;
        var due = next is null ? instance.LatestBack(worker) : stops[k].Start;
        if (pause.End > due + tol) Add($"{where} overlaps {(next is null ? "the end of the day" : $"visit '{next.Id}'")}");
        else if (free + travel + rule.Minutes > due + tol) Add($"{where} leaves too little time to travel to {(next is null ? "home" : $"visit '{next.Id}'")}");
    }

    private void CheckMetrics(double travelKm, int familiar, List<int> counts, List<double> work, double overtime)
    {
        var m = plan.Metrics;
        var assigned = counts.Sum();
        var unassignedPenalty = plan.Unassigned.Where(_visits.ContainsKey).Sum(id => 1000.0 * _visits[id].Priority);
        var load = Solver.PlanBuilder.Workload(work, minutes => instance.FairnessWeight * (minutes / 60) * (minutes / 60));
        var cost = travelKm + 2.0 * (assigned - familiar) + unassignedPenalty + load.FairnessCost + overtime;
        if (m.Workload is { } claimed)
        {
            if (!PlanValidator.Near(claimed.MinMinutes, load.MinMinutes, 0.1) || !PlanValidator.Near(claimed.MaxMinutes, load.MaxMinutes, 0.1)
                || !PlanValidator.Near(claimed.SpreadMinutes, load.SpreadMinutes, 0.1) || !PlanValidator.Near(claimed.StdDevMinutes, load.StdDevMinutes, 0.1))
            {
                Add($"metrics.workload is {claimed.MinMinutes}–{claimed.MaxMinutes} min (sd {claimed.StdDevMinutes}) but the routes work {load.MinMinutes}–{load.MaxMinutes} min (sd {load.StdDevMinutes})");
            }
            if (!PlanValidator.Near(claimed.FairnessCost, load.FairnessCost, PlanValidator.KmTolerance)) Add($"metrics.workload.fairnessCost is {claimed.FairnessCost} but the fairness term gives {F(load.FairnessCost)}");
        }
        else if (instance.FairnessWeight > 0) Add("metrics.workload is missing, but the instance weighs fairness");
        if (!PlanValidator.Near(m.TravelKm, travelKm, PlanValidator.KmTolerance)) Add($"metrics.travelKm is {m.TravelKm} but the routes cover {F(travelKm)} km");
        if (m.Assigned != assigned) Add($"metrics.assigned is {m.Assigned} but the routes make {assigned} visits");
        if (m.FamiliarVisits != familiar) Add($"metrics.familiarVisits is {m.FamiliarVisits} but {familiar} visits are by familiar workers");
        if (!PlanValidator.Near(m.Cost, cost, PlanValidator.KmTolerance)) Add($"metrics.cost is {m.Cost} but the cost formula gives {F(cost)}");
        var max = counts.Count == 0 ? 0 : counts.Max();
        if (m.MaxVisits != max) Add($"metrics.maxVisits is {m.MaxVisits} but the busiest worker makes {max} visits");
        var mean = counts.Count == 0 ? 0 : (double)assigned / counts.Count;
        if (!PlanValidator.Near(m.MeanVisits, mean, 0.01)) Add($"metrics.meanVisits is {m.MeanVisits} but workers with visits make {F(mean)} on average");
    }

    private double Km(double lat1, double lng1, double lat2, double lng2) =>
        GeoDistance.HaversineKm(lat1, lng1, lat2, lng2) * instance.RoadFactor;

    private static string Clock(double minutes) =>
        minutes is >= 0 and < 1440
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)minutes / 60:00}:{minutes % 60:00.#}")
            : F(minutes) + " min";

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private void Add(string violation) => _violations.Add(violation);
}
