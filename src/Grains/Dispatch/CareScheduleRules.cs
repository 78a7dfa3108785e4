namespace Grid.Grains.Dispatch;

/// <summary>The calendar of care-visit schedules, in Shanghai time: when they run and which days a run covers.</summary>
public static class CareScheduleRules
{
    /// <summary>After downtime a schedule catches up at most this many days (today included); older days are skipped.</summary>
    public const int CatchUpDays = 7;

    /// <summary>Per-village "done" marks are kept this long, longer than any day a person may queue.</summary>
    public const int KeepDoneDays = 16;

    public static readonly TimeOnly RunsAt = new(6, 0);
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(utcNow + Shanghai);

    /// <summary>The next morning run strictly after <paramref name="utcNow"/>.</summary>
    public static DateTime NextRunUtc(DateTime utcNow)
    {
        var today = Today(utcNow);
        var run = DateTime.SpecifyKind(today.ToDateTime(RunsAt) - Shanghai, DateTimeKind.Utc);
        return run > utcNow ? run : run.AddDays(1);
    }

    /// <summary>The days a run on <paramref name="today"/> generates: those after the last scheduled day, at most <see cref="CatchUpDays"/>.</summary>
    public static IReadOnlyList<DateOnly> DaysToRun(DateOnly? lastScheduled, DateOnly today)
    {
        var oldest = today.AddDays(1 - CatchUpDays);
        var from = lastScheduled is { } last && last.AddDays(1) > oldest ? last.AddDays(1) : oldest;
        var days = new List<DateOnly>();
        for (var d = from; d <= today; d = d.AddDays(1)) days.Add(d);
        return days;
    }

    /// <summary>Whether a person may queue or preview <paramref name="day"/>: within <see cref="CatchUpDays"/> of today either way.</summary>
    public static bool Allowed(DateOnly day, DateOnly today) =>
        day >= today.AddDays(-CatchUpDays) && day <= today.AddDays(CatchUpDays);

    public static string DoneKey(DateOnly day, string village) => $"{day:yyyyMMdd}/{village}";

    public static bool StillKept(string doneKey, DateOnly today) =>
        DateOnly.TryParseExact(doneKey[..8], "yyyyMMdd", out var day) && day >= today.AddDays(-KeepDoneDays);
}
