using Grid.Planning.Solver;

namespace Grid.Planning.Explaining;

/// <summary>One place a visit could go instead: the worker, the visit it would follow (null: first), and the cost more than where it is.</summary>
public sealed record Alternative(string WorkerId, string? After, double ExtraCost);

/// <summary>
/// Why a visit sits where it does: what it costs there (the travel it adds plus 2 if the worker does
/// not know the resident, plus the overtime and fairness terms it changes on days that have them) and the cheapest other feasible places, each with its extra cost (negative
/// would mean the plan could be improved by moving it).
/// </summary>
public sealed record VisitExplanation(string VisitId, string WorkerId, double Start, double CostHere, IReadOnlyList<Alternative> Alternatives);

/// <summary>Explains a plan visit by visit, trying every other worker and position with the solver's own feasibility checks.</summary>
public static class PlanExplainer
{
    public static IReadOnlyList<VisitExplanation> Explain(PlanningInstance instance, Plan plan, int alternatives = 3)
    {
        var violations = PlanValidator.Validate(instance, plan);
        if (violations.Count > 0) throw new PlanningFormatException($"the plan is not valid for the day: {violations[0]}");
        var p = ProblemBuilder.FromGrid(instance);
        var visitIndex = instance.Visits.Select((v, i) => (v.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var workerIndex = instance.Workers.Select((w, i) => (w.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var s = new Solution(p);
        var routes = new int[p.M][];
        var lengths = new int[p.M];
        for (var v = 0; v < p.M; v++) routes[v] = [];
        foreach (var route in plan.Routes)
        {
            var v = workerIndex[route.WorkerId];
            routes[v] = route.Stops.Select(st => visitIndex[st.VisitId]).ToArray();
            lengths[v] = routes[v].Length;
        }
        s.Restore(routes, lengths);
        var breaks = new BreakCheck(p);
        var result = new List<VisitExplanation>();
        foreach (var route in plan.Routes)
        {
            var r = workerIndex[route.WorkerId];
            foreach (var stop in route.Stops)
            {
                var c = visitIndex[stop.VisitId];
                var pos = s.Routes[r].IndexOf(c);
                s.Routes[r].RemoveAt(pos);
                s.Recompute(r);
                var here = Delta(p, s, r, pos, c);
                var options = new List<Alternative>();
                for (var v = 0; v < p.M; v++)
                {
                    if (!p.CanServe(v, c) || s.Routes[v].Count >= p.MaxVisits[v]) continue;
                    for (var at = 0; at <= s.Routes[v].Count; at++)
                    {
                        if (v == r && at == pos) continue;
                        if (!Feasible(p, s, v, at, c) || !breaks.Fits(v, s.Routes[v], at, c)) continue;
                        var after = at == 0 ? null : instance.Visits[s.Routes[v][at - 1]].Id;
                        options.Add(new Alternative(instance.Workers[v].Id, after, Math.Round(Delta(p, s, v, at, c) - here, 3)));
                    }
                }
                s.Routes[r].Insert(pos, c);
                s.Recompute(r);
                result.Add(new VisitExplanation(stop.VisitId, route.WorkerId, stop.Start, Math.Round(here, 3),
                    options.OrderBy(o => o.ExtraCost).Take(alternatives).ToList()));
            }
        }
        return result;
    }

    /// <summary>
    /// The cost of c at position pos of route v: the travel it adds and the unfamiliarity cost; on a day
    /// that pays overtime or weighs fairness, the route's whole cost change, so those terms count too.
    /// </summary>
    private static double Delta(RoutingProblem p, Solution s, int v, int pos, int c)
    {
        if (p.OvertimePerMinute > 0 || p.FairnessPerHour2 > 0) return RouteDelta(s, v, pos, c);
        var route = s.Routes[v];
        var prev = pos == 0 ? p.Depot[v] : route[pos - 1];
        var next = pos == route.Count ? p.Depot[v] : route[pos];
        return p.D(prev, c) + p.D(c, next) - p.D(prev, next) + p.Extra(v, c);
    }

    private static double RouteDelta(Solution s, int v, int pos, int c)
    {
        var without = s.RouteCost[v];
        s.Routes[v].Insert(pos, c);
        s.Recompute(v);
        var with = s.RouteCost[v];
        s.Routes[v].RemoveAt(pos);
        s.Recompute(v);
        return with - without;
    }

    /// <summary>O(1) from the route's cached earliest starts and latest feasible starts.</summary>
    private static bool Feasible(RoutingProblem p, Solution s, int v, int pos, int c)
    {
        var route = s.Routes[v];
        var prev = pos == 0 ? p.Depot[v] : route[pos - 1];
        var next = pos == route.Count ? p.Depot[v] : route[pos];
        var depart = pos == 0 ? p.Start[v] : s.StartAt[v][pos - 1] + p.Service[prev];
        var begin = Math.Max(depart + p.T(v, prev, c), p.Ready[c]);
        var nextLatest = pos == route.Count ? p.End[v] : s.LatestAt[v][pos];
        return begin <= p.Due[c] + Schedule.Eps && begin + p.Service[c] + p.T(v, c, next) <= nextLatest + Schedule.Eps;
    }
}
