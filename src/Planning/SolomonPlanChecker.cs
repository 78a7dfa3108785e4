using System.Globalization;

namespace Grid.Planning;

internal sealed class SolomonPlanChecker(SolomonInstance instance, Plan plan)
{
    private const double Tol = PlanValidator.SolomonTolerance;
    private readonly List<string> _violations = [];
    private readonly Dictionary<string, SolomonCustomer> _customers =
        instance.Customers.ToDictionary(c => c.Number.ToString(CultureInfo.InvariantCulture));

    public IReadOnlyList<string> Check()
    {
        CheckEachCustomerOnce();
        var distance = 0.0;
        var counts = new List<int>();
        var vehicles = new HashSet<int>();
        foreach (var route in plan.Routes)
        {
            if (!int.TryParse(route.WorkerId, NumberStyles.None, CultureInfo.InvariantCulture, out var vehicle)
                || vehicle < 1 || vehicle > instance.VehicleCount)
            {
                Add($"route for vehicle '{route.WorkerId}', which is not a number from 1 to {instance.VehicleCount}");
                continue;
            }
            if (!vehicles.Add(vehicle)) Add($"vehicle {vehicle} has more than one route");
            var stops = route.Stops.Where(s => _customers.ContainsKey(s.VisitId)).ToList();
            if (stops.Count == 0) continue;
            counts.Add(stops.Count);
            var load = stops.Sum(s => _customers[s.VisitId].Demand);
            if (load > instance.Capacity) Add($"vehicle {vehicle} carries {load}, more than the capacity {instance.Capacity}");
            distance += CheckSchedule(vehicle, stops);
        }
        if (counts.Count > instance.VehicleCount) Add($"{counts.Count} vehicles are used, more than the {instance.VehicleCount} available");
        CheckMetrics(distance, counts);
        return _violations;
    }

    private void CheckEachCustomerOnce()
    {
        foreach (var id in plan.Unassigned) Add($"customer '{id}' is unassigned, but every customer must be served");
        var seen = new Dictionary<string, int>();
        foreach (var id in plan.Routes.SelectMany(r => r.Stops).Select(s => s.VisitId))
        {
            if (!_customers.ContainsKey(id)) Add($"customer '{id}' is not in the instance");
            seen[id] = seen.GetValueOrDefault(id) + 1;
        }
        foreach (var id in _customers.Keys)
        {
            var count = seen.GetValueOrDefault(id);
            if (count == 0) Add($"customer '{id}' is not served");
            else if (count > 1) Add($"customer '{id}' is served {count} times");
        }
    }

    private double CheckSchedule(int vehicle, List<PlanStop> stops)
    {
        var distance = 0.0;
        var previous = instance.Depot;
        var claimedDepart = instance.Depot.Ready;
        var exactDepart = instance.Depot.Ready;
        var exactOk = true;
        foreach (var stop in stops)
        {
            var c = _customers[stop.VisitId];
            var leg = instance.Distance(previous, c);
            distance += leg;
            var where = $"vehicle {vehicle} at customer {c.Number}";
            if (stop.Arrive < claimedDepart + leg - Tol) Add($"{where}: arrives at {F(stop.Arrive)} but cannot arrive before {F(claimedDepart + leg)}");
            if (stop.Start < stop.Arrive - Tol) Add($"{where}: starts at {F(stop.Start)} before arriving at {F(stop.Arrive)}");
            if (stop.Start < c.Ready - Tol) Add($"{where}: starts at {F(stop.Start)} before the ready time {F(c.Ready)}");
            if (stop.Start > c.Due + Tol) Add($"{where}: starts at {F(stop.Start)} after the due date {F(c.Due)}");
            if (!PlanValidator.Near(stop.End, stop.Start + c.Service, Tol)) Add($"{where}: ends at {F(stop.End)} but service ends at {F(stop.Start + c.Service)}");
            claimedDepart = stop.End;
            var exactStart = Math.Max(exactDepart + leg, c.Ready);
            if (exactOk && exactStart > c.Due + Tol)
            {
                Add($"{where}: even leaving as early as possible, service cannot start by the due date {F(c.Due)}");
                exactOk = false;
            }
            exactDepart = exactStart + c.Service;
            previous = c;
        }
        var back = instance.Distance(previous, instance.Depot);
        distance += back;
        if (claimedDepart + back > instance.Depot.Due + Tol) Add($"vehicle {vehicle} returns at {F(claimedDepart + back)}, after the depot's due date {F(instance.Depot.Due)}");
        else if (exactOk && exactDepart + back > instance.Depot.Due + Tol) Add($"vehicle {vehicle} cannot return by the depot's due date {F(instance.Depot.Due)}");
        return distance;
    }

    private void CheckMetrics(double distance, List<int> counts)
    {
        var m = plan.Metrics;
        var assigned = counts.Sum();
        if (!PlanValidator.Near(m.TravelKm, distance, Tol)) Add($"metrics.travelKm is {F(m.TravelKm)} but the routes cover {F(distance)}");
        if (!PlanValidator.Near(m.Cost, distance, Tol)) Add($"metrics.cost is {F(m.Cost)} but the total distance is {F(distance)}");
        if (m.Assigned != assigned) Add($"metrics.assigned is {m.Assigned} but the routes serve {assigned} customers");
        if (m.FamiliarVisits != 0) Add($"metrics.familiarVisits is {m.FamiliarVisits} but must be 0 for a Solomon instance");
        var max = counts.Count == 0 ? 0 : counts.Max();
        if (m.MaxVisits != max) Add($"metrics.maxVisits is {m.MaxVisits} but the fullest route serves {max}");
        var mean = counts.Count == 0 ? 0 : (double)assigned / counts.Count;
        if (!PlanValidator.Near(m.MeanVisits, mean, 0.01)) Add($"metrics.meanVisits is {F(m.MeanVisits)} but used vehicles serve {F(mean)} on average");
    }

    private static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private void Add(string violation) => _violations.Add(violation);
}
