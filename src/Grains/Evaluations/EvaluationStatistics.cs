namespace Grid.Grains.Evaluations;

/// <summary>The rates published for a worker, item or region, each null when nothing was there to count.</summary>
public sealed record EvaluationRates(
    double? SatisfactionRate,
    double? BadReviewRate,
    double? CallbackRate,
    double? OnTimeRectificationRate,
    double? AverageHoursToComplete);

/// <summary>
/// The one definition of the 好差评 numbers, used by the aggregation grains and by any recount.
/// Satisfaction rate: (非常满意 + 满意 + 基本满意) / evaluations. Bad-review rate: (不满意 + 非常不满意) /
/// evaluations. Callback rate: bad reviews whose resident was called back / bad reviews.
/// On-time rectification rate: bad reviews fixed or explained before the deadline / bad reviews that
/// were either resolved or went overdue (those still inside their deadline are not yet judged).
/// Evaluations voided by an upheld appeal count as services but not as evaluations. Flagged ratings
/// (entered or made possible by the server) are counted as any other unless the filter excludes them;
/// <see cref="EvaluationTally.Flagged"/> says how many there were.
/// </summary>
public static class EvaluationStatistics
{
    public static bool Matches(ServiceFact fact, StatsFilter filter) =>
        fact.CompletedAtUtc >= filter.FromUtc && fact.CompletedAtUtc < filter.ToUtc
        && (filter.RegionScope is null || Grid.Contracts.RegionCodes.Contains(filter.RegionScope, fact.VillageCode))
        && (filter.ItemCode is null || fact.ItemCode == filter.ItemCode);

    public static EvaluationTally Tally(IEnumerable<ServiceFact> facts, StatsFilter filter) =>
        Tally(facts.Where(f => Matches(f, filter)), filter.ExcludeFlagged);

    public static EvaluationTally Tally(IEnumerable<ServiceFact> facts, bool excludeFlagged = false)
    {
        int services = 0, timed = 0, evaluations = 0, bad = 0, calledBack = 0, due = 0, onTime = 0, voided = 0, flagged = 0;
        double hours = 0;
        var levels = new int[5];
        foreach (var f in facts)
        {
            services++;
            if (f.HoursToComplete is { } h) { timed++; hours += h; }
            if (f.Level is not { } level) continue;
            if (f.Flagged && !f.Outcome.Voided) flagged++;
            if (f.Flagged && excludeFlagged) continue;
            if (f.Outcome.Voided) { voided++; continue; }
            evaluations++;
            levels[(int)level]++;
            if (!level.IsBad()) continue;
            bad++;
            if (f.Outcome.CalledBack) calledBack++;
            if (f.Outcome.Resolved || f.Outcome.Overdue) due++;
            if (f.Outcome.ResolvedOnTime) onTime++;
        }
        return new(services, timed, Math.Round(hours, 3), evaluations, levels, bad, calledBack, due, onTime, voided, flagged);
    }

    public static IReadOnlyList<ItemTally> TallyByItem(IEnumerable<ServiceFact> facts, StatsFilter filter) =>
        facts.Where(f => Matches(f, filter))
            .GroupBy(f => f.ItemCode)
            .Select(g => new ItemTally(g.Key, g.OrderByDescending(f => f.CompletedAtUtc).First().ItemName, Tally(g, filter.ExcludeFlagged)))
            .OrderBy(t => t.ItemCode, StringComparer.Ordinal)
            .ToList();

    public static EvaluationRates Rates(EvaluationTally t) => new(
        Ratio(t.LevelCounts[0] + t.LevelCounts[1] + t.LevelCounts[2], t.Evaluations),
        Ratio(t.BadReviews, t.Evaluations),
        Ratio(t.CalledBack, t.BadReviews),
        Ratio(t.RectifiedOnTime, t.RectificationsDue),
        t.TimedServices == 0 ? null : Math.Round(t.HoursToCompleteTotal / t.TimedServices, 2));

    private static double? Ratio(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
