namespace Grid.Grains.Evaluations;

/// <summary>Asia/Shanghai wall-clock helpers. China keeps UTC+8 all year (no daylight saving since 1991).</summary>
public static class ShanghaiTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(utc + Offset);

    /// <summary>The UTC instant at which the given Shanghai date begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) =>
        DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    public static string MonthOf(DateTime utc) => (utc + Offset).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset Show(DateTime utc) =>
        new(DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified), Offset);
}
