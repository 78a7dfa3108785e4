using System.Text.Json.Serialization;
using Grid.Grains.Common;

namespace Grid.Grains.Evaluations;

/// <summary>One owner row of a counter grain: a bucket's counts ("b/…"), an item's name ("n/…") or the fact being counted ("pending").</summary>
internal sealed record StatsRow(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long[]? Counts = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ItemName = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ServiceFact? Pending = null);

/// <summary>
/// A counter grain's buckets as owner rows (kind <c>service-stats</c>), read whole on activation and
/// bounded by days × items (× villages for a worker), not by facts. Counting a fact writes only the
/// buckets it changes (its old and new one), the item's name when it changed, and the fact itself
/// as the pending row, all in one <see cref="GrainRows{T}.ApplyAsync"/>: the counts and the
/// promise to write the fact's row are stored together or not at all.
/// </summary>
internal sealed class StatsCounterRows(GrainRows<StatsRow> rows, StatsDimension dimension)
{
    private const string PendingKey = "pending", BucketPrefix = "b/", NamePrefix = "n/";

    public Dictionary<string, long[]> Counters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> ItemNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The last fact counted; its fact row may not be written yet.</summary>
    public ServiceFact? Pending { get; set; }

    public async Task LoadAsync()
    {
        Counters.Clear();
        ItemNames.Clear();
        Pending = null;
        foreach (var (key, row) in await rows.ReadAllAsync())
        {
            if (key == PendingKey) Pending = row.Pending;
            else if (key.StartsWith(BucketPrefix, StringComparison.Ordinal)) Counters[key[BucketPrefix.Length..]] = row.Counts!;
            else if (key.StartsWith(NamePrefix, StringComparison.Ordinal)) ItemNames[key[NamePrefix.Length..]] = row.ItemName!;
        }
    }

    /// <summary>Counts <paramref name="fact"/> in place of <paramref name="old"/> and saves it as pending; memory changes only once stored.</summary>
    public async Task CountAsync(ServiceFact? old, ServiceFact fact)
    {
        var touched = new List<string>();
        if (old is not null) touched.Add(StatsCounters.BucketOf(dimension, old));
        touched.Add(StatsCounters.BucketOf(dimension, fact));
        var next = touched.Distinct().Where(Counters.ContainsKey).ToDictionary(b => b, b => (long[])Counters[b].Clone());
        if (old is not null) StatsCounters.Apply(next, touched[0], old, -1);
        StatsCounters.Apply(next, touched[^1], fact, +1);
        var named = dimension == StatsDimension.Region && ItemNames.GetValueOrDefault(fact.ItemCode) != fact.ItemName;

        List<(string, StatsRow)> upserts = [.. next.Select(b => (BucketPrefix + b.Key, new StatsRow(Counts: b.Value))), (PendingKey, new StatsRow(Pending: fact))];
        if (named) upserts.Add((NamePrefix + fact.ItemCode, new StatsRow(ItemName: fact.ItemName)));
        var emptied = touched.Distinct().Where(b => !next.ContainsKey(b)).ToList();
        await rows.ApplyAsync(upserts, emptied.Select(b => BucketPrefix + b));

        foreach (var (bucket, counts) in next) Counters[bucket] = counts;
        foreach (var bucket in emptied) Counters.Remove(bucket);
        if (named) ItemNames[fact.ItemCode] = fact.ItemName;
        Pending = fact;
    }

    /// <summary>Stores counters kept the old way (one whole state) as rows, replacing any of the same bucket.</summary>
    public async Task MoveAsync(ServiceStatsState legacy)
    {
        List<(string, StatsRow)> upserts =
        [
            .. legacy.Counters.Select(b => (BucketPrefix + b.Key, new StatsRow(Counts: b.Value))),
            .. legacy.ItemNames.Select(n => (NamePrefix + n.Key, new StatsRow(ItemName: n.Value))),
        ];
        if (legacy.Pending is { } pending) upserts.Add((PendingKey, new StatsRow(Pending: pending)));
        await rows.ApplyAsync(upserts, []);
        foreach (var (bucket, counts) in legacy.Counters) Counters[bucket] = counts;
        foreach (var (code, name) in legacy.ItemNames) ItemNames[code] = name;
        if (legacy.Pending is not null) Pending = legacy.Pending;
    }
}
