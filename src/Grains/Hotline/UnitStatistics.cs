using Grid.Contracts;
using Grid.Grains.Evaluations;

namespace Grid.Grains.Hotline;

/// <summary>One unit's month, counted from its orders' summaries.</summary>
public sealed record UnitMonth(
    HandlingUnit Unit, string Month, int Received, int SignedInTime, int Answered, int AnsweredInTime,
    int CalledBack, int Resolved, int Satisfied, double ResponseRate, double ResolutionRate, double SatisfactionRate, int Rank);

/// <summary>
/// The three rates of the national practice per unit and month: response (signed for in time / received),
/// resolution (resolved / called back) and satisfaction (satisfied or very satisfied / called back).
/// Ranked by their mean, then by orders received; a unit with no orders has no rank to give.
/// </summary>
public static class UnitStatistics
{
    public static IReadOnlyList<UnitMonth> Of(IEnumerable<WorkOrderSummary> orders, string month)
    {
        var rows = orders.Where(o => o.Unit is not null && ShanghaiTime.MonthOf(o.ReceivedAtUtc) == month)
            .GroupBy(o => o.Unit!)
            .Select(g => Count(g.Key, month, [.. g]))
            .OrderByDescending(u => (u.ResponseRate + u.ResolutionRate + u.SatisfactionRate) / 3)
            .ThenByDescending(u => u.Received)
            .ThenBy(u => u.Unit.Id, StringComparer.Ordinal)
            .ToList();
        return [.. rows.Select((u, i) => u with { Rank = i + 1 })];
    }

    private static UnitMonth Count(HandlingUnit unit, string month, IReadOnlyList<WorkOrderSummary> orders)
    {
        var calledBack = orders.Count(o => o.Rating is not null);
        var signed = orders.Count(o => o.SignedInTime);
        var resolved = orders.Count(o => o.Resolved == true);
        var satisfied = orders.Count(o => o.Rating is Satisfaction.VerySatisfied or Satisfaction.Satisfied);
        return new UnitMonth(unit, month, orders.Count, signed, orders.Count(o => o.AnsweredAtUtc is not null), orders.Count(o => o.AnsweredInTime),
            calledBack, resolved, satisfied, Rate(signed, orders.Count), Rate(resolved, calledBack), Rate(satisfied, calledBack), 0);
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
