using System.Globalization;

namespace Grid.Grains.Evaluations;

/// <summary>
/// Counters of the 好差评 numbers kept per bucket (a Shanghai day of the grain's month plus a village
/// and/or an item). A fact contributes one fixed vector of counts, so an update applies
/// <c>new − old</c> and a recount of the facts equals the sum of the buckets. Hours are kept as
/// integer thousandths (facts carry hours rounded to 3 places) so adding and removing is exact.
/// The second half repeats the evaluation counts (3–13) of flagged facts only, so a tally can leave
/// flagged ratings out by subtraction; vectors saved before it existed are 14 long and grow on write.
/// </summary>
public static class StatsCounters
{
    public const int Length = 28;
    private const int Base = 14;
    private const int Services = 0, Timed = 1, MilliHours = 2, Evaluations = 3, Levels = 4, Bad = 9, CalledBack = 10, Due = 11, OnTime = 12, Voided = 13;

    /// <summary>The bucket a fact counts in: "dd|village|item" for staff, "dd|item" for a region, "dd" for an item (scoped item questions go to the region).</summary>
    public static string BucketOf(StatsDimension dimension, ServiceFact f)
    {
        var day = ShanghaiTime.DateOf(f.CompletedAtUtc).ToString("dd", CultureInfo.InvariantCulture);
        return dimension switch
        {
            StatsDimension.Staff => $"{day}|{f.VillageCode}|{f.ItemCode}",
            StatsDimension.Region => $"{day}||{f.ItemCode}",
            _ => $"{day}||{f.ItemCode}",
        };
    }

    public static long[] Of(ServiceFact f)
    {
        var c = OfAll(f);
        if (f.Flagged) Array.Copy(c, Evaluations, c, Base + Evaluations, Voided - Evaluations + 1);
        return c;
    }

    private static long[] OfAll(ServiceFact f)
    {
        var c = new long[Length];
        c[Services] = 1;
        if (f.HoursToComplete is { } h) { c[Timed] = 1; c[MilliHours] = (long)Math.Round(h * 1000); }
        if (f.Level is not { } level) return c;
        if (f.Outcome.Voided) { c[Voided] = 1; return c; }
        c[Evaluations] = 1;
        c[Levels + (int)level] = 1;
        if (!level.IsBad()) return c;
        c[Bad] = 1;
        if (f.Outcome.CalledBack) c[CalledBack] = 1;
        if (f.Outcome.Resolved || f.Outcome.Overdue) c[Due] = 1;
        if (f.Outcome.ResolvedOnTime) c[OnTime] = 1;
        return c;
    }

    /// <summary>Adds <paramref name="sign"/> × the fact's counts to its bucket; a bucket that reaches zero is dropped.</summary>
    public static void Apply(Dictionary<string, long[]> counters, string bucket, ServiceFact f, int sign)
    {
        var add = Of(f);
        if (!counters.TryGetValue(bucket, out var c)) counters[bucket] = c = new long[Length];
        if (c.Length < Length) { Array.Resize(ref c, Length); counters[bucket] = c; }
        for (var i = 0; i < Length; i++) c[i] += sign * add[i];
        if (c.All(x => x == 0)) counters.Remove(bucket);
    }

    public static EvaluationTally ToTally(IEnumerable<long[]> buckets, bool excludeFlagged = false)
    {
        var s = new long[Length];
        foreach (var c in buckets)
            for (var i = 0; i < c.Length; i++) s[i] += c[i];
        var flagged = (int)s[Base + Evaluations];
        if (excludeFlagged)
            for (var i = Evaluations; i <= Voided; i++) s[i] -= s[Base + i];
        return new((int)s[Services], (int)s[Timed], Math.Round(s[MilliHours] / 1000.0, 3), (int)s[Evaluations],
            [.. s.Skip(Levels).Take(5).Select(x => (int)x)], (int)s[Bad], (int)s[CalledBack], (int)s[Due], (int)s[OnTime], (int)s[Voided], flagged);
    }
}
