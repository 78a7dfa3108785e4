using System.Globalization;
using Grid.Contracts;

namespace Grid.Grains.Evaluations;

/// <summary>A copy of one counter grain's buckets ("dd|village|item") and item names, for roll-ups and queries.</summary>
[GenerateSerializer, Alias("grid.stats-snapshot")]
public sealed record StatsSnapshot(
    [property: Id(0)] Dictionary<string, long[]> Counters,
    [property: Id(1)] Dictionary<string, string> ItemNames)
{
    public static StatsSnapshot Empty => new([], []);

    /// <summary>Whether a bucket's day lies in [FromUtc, ToUtc) (filters are whole Shanghai days) and its village and item match.</summary>
    public static bool Matches(string month, string bucket, StatsFilter filter)
    {
        var parts = bucket.Split('|');
        var date = DateOnly.ParseExact($"{month}-{parts[0]}", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var start = ShanghaiTime.StartOfDayUtc(date);
        return start >= filter.FromUtc && start < filter.ToUtc
            && (filter.RegionScope is null || (parts[1].Length > 0 && RegionCodes.Contains(filter.RegionScope, parts[1])))
            && (filter.ItemCode is null || parts[2] == filter.ItemCode);
    }

    public EvaluationTally Tally(string month, StatsFilter filter) =>
        StatsCounters.ToTally(Counters.Where(b => Matches(month, b.Key, filter)).Select(b => b.Value), filter.ExcludeFlagged);

    public IReadOnlyList<ItemTally> ByItem(string month, StatsFilter filter) =>
        Counters.Where(b => Matches(month, b.Key, filter))
            .GroupBy(b => b.Key.Split('|')[2])
            .Select(g => new ItemTally(g.Key, ItemNames.GetValueOrDefault(g.Key, g.Key), StatsCounters.ToTally(g.Select(b => b.Value), filter.ExcludeFlagged)))
            .OrderBy(t => t.ItemCode, StringComparer.Ordinal)
            .ToList();

    /// <summary>The sum of several snapshots (townships into a county or the city).</summary>
    public static StatsSnapshot Sum(IEnumerable<StatsSnapshot> parts)
    {
        var total = new Dictionary<string, long[]>();
        var names = new Dictionary<string, string>();
        foreach (var p in parts)
        {
            foreach (var (bucket, counts) in p.Counters)
            {
                if (!total.TryGetValue(bucket, out var t)) total[bucket] = t = new long[StatsCounters.Length];
                for (var i = 0; i < counts.Length; i++) t[i] += counts[i];
            }
            foreach (var (code, name) in p.ItemNames) names[code] = name;
        }
        return new(total, names);
    }
}
