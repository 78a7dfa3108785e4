using System.Reflection;
using System.Text.Json;

namespace Grid.Grains.Evaluations;

/// <summary>
/// Chinese working days: Monday–Friday, minus the public holidays, plus the adjusted working days
/// (调休) that fall on weekends. The tables are data (a JSON file) so a wrong or new year's table is
/// corrected without a code change; years the data does not cover fall back to plain weekdays.
/// </summary>
public sealed class WorkingDayCalendar
{
    public const string ResourceName = "Grid.Grains.china-working-days.json";
    private static readonly Lazy<WorkingDayCalendar> Default = new(LoadEmbedded);
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _adjustedWorkdays;

    public WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> adjustedWorkdays, IEnumerable<int> coveredYears)
    {
        _holidays = [.. holidays];
        _adjustedWorkdays = [.. adjustedWorkdays];
        CoveredYears = coveredYears.ToHashSet();
        if (_holidays.Overlaps(_adjustedWorkdays))
            throw new ArgumentException("A day cannot be both a public holiday and an adjusted working day.");
    }

    /// <summary>The calendar shipped with Grid (2025 and 2026 State Council tables).</summary>
    public static WorkingDayCalendar China => Default.Value;

    public IReadOnlySet<int> CoveredYears { get; }

    public bool IsWorkingDay(DateOnly day) =>
        _adjustedWorkdays.Contains(day) || (!_holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    public bool IsHoliday(DateOnly day) => _holidays.Contains(day);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/> (the start day itself is not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        for (var left = days; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) left--;
        }
        return day;
    }

    public static WorkingDayCalendar FromFile(string path) => FromJson(File.ReadAllText(path));

    public static WorkingDayCalendar FromJson(string json)
    {
        var file = JsonSerializer.Deserialize<CalendarFile>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new FormatException("The working-day calendar file is empty.");
        var holidays = new List<DateOnly>();
        var workdays = new List<DateOnly>();
        foreach (var (yearText, year) in file.Years)
        {
            var y = int.Parse(yearText, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var h in year.Holidays)
            {
                if (h.To < h.From || h.From.Year != y || h.To.Year != y)
                    throw new FormatException($"Holiday '{h.Name}' {h.From}–{h.To} is not a range inside {y}.");
                for (var d = h.From; d <= h.To; d = d.AddDays(1)) holidays.Add(d);
            }
            workdays.AddRange(year.AdjustedWorkdays);
        }
        return new WorkingDayCalendar(holidays, workdays, file.Years.Keys.Select(int.Parse));
    }

    private static WorkingDayCalendar LoadEmbedded()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Resource {ResourceName} is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    private sealed record CalendarFile(string? Source, string? Note, Dictionary<string, CalendarYear> Years);

    private sealed record CalendarYear(List<HolidayRange> Holidays, List<DateOnly> AdjustedWorkdays);

    private sealed record HolidayRange(string Name, DateOnly From, DateOnly To);
}
