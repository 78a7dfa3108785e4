using Grid.Contracts;

namespace Grid.Grains.Evaluations;

/// <summary>What statistics are kept for: a worker or window staff member, a service item, or a region.</summary>
public enum StatsDimension { Staff, Item, Region }

/// <summary>
/// Keys of the aggregation grains: one per dimension value per month of service completion
/// (Asia/Shanghai), "2025-03/region/421202001001". The month comes first because it has a fixed
/// length, so ids and item codes after it may contain any character.
/// </summary>
public static class StatsKeys
{
    public static string Key(string month, StatsDimension dimension, string value) =>
        $"{month}/{dimension.ToString().ToLowerInvariant()}/{value}";

    /// <summary>
    /// Every counter a fact feeds: its staff, its item, its village and its township. Counties and
    /// the city are summed from townships on query (<see cref="IStatsRollupGrain"/>), so no write
    /// lands on one grain for the whole city.
    /// </summary>
    public static IReadOnlyList<string> For(ServiceFact fact)
    {
        var month = ShanghaiTime.MonthOf(fact.CompletedAtUtc);
        var v = fact.VillageCode;
        return
        [
            Key(month, StatsDimension.Staff, fact.StaffId),
            Key(month, StatsDimension.Item, fact.ItemCode),
            Key(month, StatsDimension.Region, v),
            Key(month, StatsDimension.Region, RegionCodes.TownshipOf(v)),
        ];
    }

    /// <summary>Whether a region keeps counters (village, township) rather than being summed on query (county, city).</summary>
    public static bool IsCountedRegion(string code) =>
        RegionCodes.IsValid(code) && RegionCodes.LevelOf(code) is RegionLevel.Village or RegionLevel.Township;

    /// <summary>The months ("yyyy-MM") that overlap the Shanghai dates [from, to].</summary>
    public static IReadOnlyList<string> Months(DateOnly from, DateOnly to)
    {
        var months = new List<string>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
            months.Add(m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        return months;
    }
}
