using Grid.Geo;

namespace Grid.Grains.Dispatch;

/// <summary>A worker who might take a task, with what the scorer needs to know about them.</summary>
public sealed record DispatchCandidate(
    string WorkerId,
    string Name,
    bool Active,
    string VillageCode,
    IReadOnlyCollection<string> GridIds,
    IReadOnlyCollection<string> Skills,
    int DailyCapacity,
    int OpenLoad,
    TimeOnly WorkStart,
    TimeOnly WorkEnd,
    double Lat,
    double Lng,
    int VisitsToResident);

/// <summary>What a task needs: where, which skills, and when (UTC window).</summary>
public sealed record DispatchNeed(
    string GridId,
    string VillageCode,
    IReadOnlyCollection<string> Skills,
    double Lat,
    double Lng,
    DateTime WindowStartUtc,
    DateTime WindowEndUtc,
    IReadOnlyCollection<string> Excluded);

public sealed record DispatchChoice(string WorkerId, string Name, double Score, double DistanceMeters, bool OwnGrid, int Visits, string Reason);

/// <summary>
/// Ranks workers for a task by the 就近、就熟 principle (Art. 29). A worker qualifies when active,
/// serving the resident's grid or a neighbouring one (every grid of the same village counts as a
/// neighbour), holding every required skill, working during some part of the wanted window and
/// under their daily capacity. Among those: own grid first, then familiarity (past visits), then
/// nearness, then spare capacity.
/// </summary>
public static class DispatchScorer
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static IReadOnlyList<DispatchChoice> Rank(DispatchNeed need, IEnumerable<DispatchCandidate> candidates) =>
        candidates.Where(c => Qualifies(need, c))
            .Select(c => Score(need, c))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.WorkerId, StringComparer.Ordinal)
            .ToList();

    public static bool Qualifies(DispatchNeed need, DispatchCandidate c) =>
        c.Active
        && !need.Excluded.Contains(c.WorkerId)
        && (c.GridIds.Contains(need.GridId) || c.VillageCode == need.VillageCode)
        && need.Skills.All(c.Skills.Contains)
        && c.OpenLoad < c.DailyCapacity
        && WorksDuring(c.WorkStart, c.WorkEnd, need.WindowStartUtc, need.WindowEndUtc);

    public static DispatchChoice Score(DispatchNeed need, DispatchCandidate c)
    {
        var meters = GeoDistance.HaversineMeters(c.Lat, c.Lng, need.Lat, need.Lng);
        var own = c.GridIds.Contains(need.GridId);
        var score = (own ? 100 : 60)
            + 5 * Math.Min(c.VisitsToResident, 10)
            - 10 * Math.Min(meters / 1000, 10)
            - 20.0 * c.OpenLoad / Math.Max(1, c.DailyCapacity);
        return new DispatchChoice(c.WorkerId, c.Name, score, meters, own, c.VisitsToResident, Reason(own, c.VisitsToResident, meters));
    }

    public static string Reason(bool ownGrid, int visits, double meters) =>
        $"{(ownGrid ? "本网格" : "邻近网格")}, {(visits > 0 ? $"已走访 {visits} 次" : "未走访")}, {Distance(meters)}";

    public static string Distance(double meters) => meters < 1000
        ? $"{Math.Round(meters / 10) * 10:0} 米"
        : $"{meters / 1000:0.0} 公里";

    /// <summary>True when the worker's daily hours (Shanghai time) overlap the window on at least one day.</summary>
    public static bool WorksDuring(TimeOnly start, TimeOnly end, DateTime windowStartUtc, DateTime windowEndUtc)
    {
        if (windowEndUtc <= windowStartUtc) return false;
        var from = TimeZoneInfo.ConvertTimeFromUtc(windowStartUtc, Shanghai);
        var to = TimeZoneInfo.ConvertTimeFromUtc(windowEndUtc, Shanghai);
        for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(to); day = day.AddDays(1))
        {
            var shiftStart = day.ToDateTime(start);
            var shiftEnd = day.ToDateTime(end);
            if (shiftStart < to && from < shiftEnd) return true;
        }
        return false;
    }
}
