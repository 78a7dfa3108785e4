using System.Diagnostics;
using Grid.Planning.Solver;

namespace Grid.Planning.Replanning;

/// <summary>One candidate change: the urgent visit into a worker's route, and maybe one visit handed from that route to another.</summary>
internal sealed record Insertion(int Worker, List<int> Route, Timed Timed, double Score, int HandOverWorker = -1, List<int>? HandOverRoute = null, Timed? HandOverTimed = null)
{
    public List<PlanStop> Stops => Timed.Stops;
}

/// <summary>A route's stops with times, and its worker's break.</summary>
internal sealed record Timed(List<PlanStop> Stops, PlanBreak? Break);

/// <summary>Evaluates insertions into a running day's routes, keeping pinned prefixes and original starts.</summary>
internal sealed class InsertionSearch
{
    private readonly PlanningInstance _day;
    private readonly RoutingProblem _p;
    private readonly int _now;
    private readonly List<int>[] _routes;
    private readonly List<PlanStop>[] _stops;
    private readonly int[] _pinned;
    private readonly PlanBreak?[] _breaks;
    private readonly Dictionary<int, double> _startBefore = [];

    public InsertionSearch(PlanningInstance day, Plan plan, int now)
    {
        _day = day;
        _now = now;
        _p = ProblemBuilder.FromGrid(day);
        Urgent = day.Visits.Count - 1;
        var visitIndex = day.Visits.Select((v, i) => (v.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var workerIndex = day.Workers.Select((w, i) => (w.Id, i)).ToDictionary(x => x.Id, x => x.i);
        _routes = new List<int>[_p.M];
        _stops = new List<PlanStop>[_p.M];
        _pinned = new int[_p.M];
        _breaks = new PlanBreak?[_p.M];
        for (var v = 0; v < _p.M; v++) (_routes[v], _stops[v]) = ([], []);
        foreach (var route in plan.Routes)
        {
            var v = workerIndex[route.WorkerId];
            _breaks[v] = route.Break;
            foreach (var stop in route.Stops)
            {
                var c = visitIndex[stop.VisitId];
                _routes[v].Add(c);
                _stops[v].Add(stop);
                _startBefore[c] = stop.Start;
                if (stop.Start < now) _pinned[v] = _routes[v].Count;
            }
        }
    }

    public int Urgent { get; }

    public int PinnedCount => _pinned.Sum();

    /// <summary>The cheapest insertion of customer c into any route but one, all other visits staying with their workers.</summary>
    public Insertion? Direct(int c, int exceptWorker)
    {
        Insertion? best = null;
        for (var v = 0; v < _p.M; v++)
        {
            if (v == exceptWorker) continue;
            var candidate = BestIn(v, _routes[v], c);
            if (candidate is not null && (best is null || candidate.Score < best.Score)) best = candidate;
        }
        return best;
    }

    /// <summary>
    /// When no route has room: hand one unpinned visit to another worker, then insert the urgent visit
    /// in its place; a visit of lower priority than the urgent one that no other worker can take is
    /// postponed (unassigned) at the format's cost of 1000 × its priority.
    /// </summary>
    public Insertion? WithOneHandOver(Stopwatch clock, TimeSpan budget)
    {
        Insertion? best = null;
        for (var v = 0; v < _p.M && clock.Elapsed < budget; v++)
        {
            for (var i = _pinned[v]; i < _routes[v].Count; i++)
            {
                var x = _routes[v][i];
                var without = new List<int>(_routes[v]);
                without.RemoveAt(i);
                var here = BestIn(v, without, Urgent);
                if (here is null || (best is not null && here.Score >= best.Score)) continue;
                var there = Direct(x, exceptWorker: v);
                if (there is null)
                {
                    if (_day.Visits[x].Priority >= _day.Visits[Urgent].Priority) continue;
                    var postponed = here.Score + _p.Penalty[x] + Replanner.MovedVisitCost;
                    if (best is null || postponed < best.Score) best = here with { Score = postponed };
                    continue;
                }
                var score = here.Score + there.Score + MovedPenalty(x, there.Stops);
                if (best is null || score < best.Score)
                {
                    best = here with { Score = score, HandOverWorker = there.Worker, HandOverRoute = there.Route, HandOverTimed = there.Timed };
                }
            }
        }
        return best;
    }

    public Plan Apply(Insertion? insertion)
    {
        var routes = _routes.Select(r => (IReadOnlyList<int>)r).ToArray();
        var stops = _stops.Select(s => (IReadOnlyList<PlanStop>)s).ToArray();
        var breaks = _breaks.ToArray();
        if (insertion is not null)
        {
            (routes[insertion.Worker], stops[insertion.Worker], breaks[insertion.Worker]) = (insertion.Route, insertion.Stops, insertion.Timed.Break);
            if (insertion.HandOverRoute is { } r)
            {
                var timed = insertion.HandOverTimed!;
                (routes[insertion.HandOverWorker], stops[insertion.HandOverWorker], breaks[insertion.HandOverWorker]) = (r, timed.Stops, timed.Break);
            }
        }
        return PlanBuilder.ForGrid(_day, _p, routes, stops, breaks);
    }

    /// <summary>The best position for c in worker v's route (given without c), after the pinned prefix.</summary>
    private Insertion? BestIn(int v, List<int> route, int c)
    {
        if (!_p.CanServe(v, c) || route.Count + 1 > _p.MaxVisits[v]) return null;
        Insertion? best = null;
        var baseKm = RouteKm(v, route);
        var baseOvertime = _p.OvertimePerMinute > 0 ? Overtime(v, route, TimesFor(v, route, out _, out _)) : 0;
        for (var pos = _pinned[v]; pos <= route.Count; pos++)
        {
            var candidate = new List<int>(route);
            candidate.Insert(pos, c);
            var timed = TimesFor(v, candidate, out var shift, out var moved);
            if (timed is null) continue;
            var score = RouteKm(v, candidate) - baseKm + _p.Extra(v, c) + ShiftCost(shift, moved)
                + (_p.OvertimePerMinute > 0 ? Overtime(v, candidate, timed) - baseOvertime : 0);
            if (best is null || score < best.Score) best = new Insertion(v, candidate, timed, score);
        }
        return best;
    }

    /// <summary>The overtime term of a timed route: back home after its last visit (or a break after it) past the shift's end.</summary>
    private double Overtime(int v, List<int> route, Timed? timed)
    {
        if (timed is null || route.Count == 0) return 0;
        var last = timed.Stops[^1].End;
        if (timed.Break is { } pause && pause.Start >= last) last = pause.End;
        return _day.OvertimeCost(_day.Workers[v], last + _p.T(v, route[^1], _p.Depot[v]));
    }

    /// <summary>
    /// Times for a route: the pinned prefix as it was; then each visit starts at the earliest moment
    /// it can, but not before its start in the current plan; a visit new to this route is not left
    /// for before <c>now</c>. A break that started before <c>now</c> stays; otherwise the break goes
    /// in the first gap from <c>now</c> on where it fits. Null when a window, the worker's end or the break does not fit.
    /// </summary>
    private Timed? TimesFor(int v, List<int> route, out double shift, out int moved)
    {
        var stops = StopTimes(v, route, out shift, out moved);
        if (stops is null || _day.Workers[v].Break is not { } rule || stops.Count == 0) return stops is null ? null : new Timed(stops, null);
        if (_breaks[v] is { } kept && kept.Start < _now) return new Timed(stops, kept);
        for (var k = _pinned[v]; k <= stops.Count; k++)
        {
            var free = Math.Max(_now, k == 0 ? _p.Start[v] : stops[k - 1].End);
            var from = k == 0 ? _p.Depot[v] : route[k - 1];
            var to = k == route.Count ? _p.Depot[v] : route[k];
            var due = k == stops.Count ? _p.End[v] : stops[k].Start;
            if (BreakRule.Fits(rule, free, due, _p.T(v, from, to), out var start)) return new Timed(stops, new PlanBreak(start, start + rule.Minutes));
        }
        return null;
    }

    private List<PlanStop>? StopTimes(int v, List<int> route, out double shift, out int moved)
    {
        shift = 0;
        moved = 0;
        var stops = new List<PlanStop>(route.Count);
        var prev = _p.Depot[v];
        var t = _p.Start[v];
        var pinned = _pinned[v];
        for (var i = 0; i < route.Count; i++)
        {
            var c = route[i];
            if (i < pinned)
            {
                stops.Add(_stops[v][i]);
                t = _stops[v][i].End;
                prev = c;
                continue;
            }
            var wasHere = _routes[v].Contains(c);
            if (i == pinned && _breaks[v] is { } pause && pause.Start < _now) t = Math.Max(t, pause.End);
            var depart = wasHere ? t : Math.Max(t, _now);
            var arrive = depart + _p.T(v, prev, c);
            var start = Math.Max(arrive, _p.Ready[c]);
            if (wasHere && _startBefore.TryGetValue(c, out var before))
            {
                start = Math.Max(start, before);
                var d = start - before;
                if (d >= Replanner.ShiftTolerance) { shift += d; moved++; }
            }
            if (start > _p.Due[c] + Schedule.Eps) return null;
            t = start + _p.Service[c];
            stops.Add(new PlanStop(_day.Visits[c].Id, arrive, start, t));
            prev = c;
        }
        return t + _p.T(v, prev, _p.Depot[v]) <= _p.End[v] + Schedule.Eps ? stops : null;
    }

    private double MovedPenalty(int x, List<PlanStop> stops)
    {
        var start = stops.First(s => s.VisitId == _day.Visits[x].Id).Start;
        return Replanner.MovedVisitCost + Replanner.ShiftMinuteCost * Math.Abs(start - _startBefore[x]);
    }

    private static double ShiftCost(double minutes, int moved) => Replanner.ShiftMinuteCost * minutes + Replanner.MovedVisitCost * moved;

    private double RouteKm(int v, List<int> route)
    {
        var km = 0.0;
        var prev = _p.Depot[v];
        foreach (var c in route) { km += _p.D(prev, c); prev = c; }
        return route.Count == 0 ? 0 : km + _p.D(prev, _p.Depot[v]);
    }
}
