using Grid.Contracts;

namespace Grid.Grains.Evaluations;

/// <summary>The "Grid:Evaluations" configuration section.</summary>
public sealed class EvaluationOptions
{
    /// <summary>The rectification deadline where no region rule applies: 7 calendar days (Art. 36 (三)).</summary>
    public RectificationRule Rectification { get; set; } = new();

    /// <summary>Rules by region code (county, township or village); the most specific region containing the service wins.</summary>
    public Dictionary<string, RectificationRule> RegionRules { get; set; } = [];

    /// <summary>A corrected working-day calendar (JSON); empty uses the one shipped with Grid.</summary>
    public string? CalendarFile { get; set; }

    /// <summary>How long a rating link (the SMS invitation or the printed slip's QR code) stays valid.</summary>
    public int QrTokenLifetimeDays { get; set; } = 30;

    /// <summary>Where residents open the portal; SMS invitations link to "{PortalBaseUrl}/rate/{token}".</summary>
    public string PortalBaseUrl { get; set; } = "http://localhost:5080";

    public RectificationRule RuleFor(string villageCode) =>
        RegionRules.Where(r => RegionCodes.Contains(r.Key, villageCode))
            .OrderByDescending(r => RegionCodes.PrefixOf(r.Key).Length)
            .Select(r => r.Value)
            .FirstOrDefault() ?? Rectification;

    public WorkingDayCalendar Calendar() =>
        string.IsNullOrWhiteSpace(CalendarFile) ? WorkingDayCalendar.China : CalendarCache.Load(CalendarFile);

    private static class CalendarCache
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, WorkingDayCalendar> Loaded = new();

        public static WorkingDayCalendar Load(string path) => Loaded.GetOrAdd(Path.GetFullPath(path), WorkingDayCalendar.FromFile);
    }
}

public enum DeadlineUnit { CalendarDays, WorkingDays, Minutes }

/// <summary>How long a unit has to rectify a bad review. Minutes exist for drills and tests.</summary>
public sealed class RectificationRule
{
    public double Amount { get; set; } = 7;
    public DeadlineUnit Unit { get; set; } = DeadlineUnit.CalendarDays;

    /// <summary>
    /// The due instant for a review at <paramref name="fromUtc"/>. Day counts follow the usual rule
    /// for periods: the review day is not counted and the last day ends at 24:00 Asia/Shanghai.
    /// </summary>
    public DateTime DueUtc(DateTime fromUtc, WorkingDayCalendar calendar)
    {
        if (Amount <= 0) throw new InvalidOperationException("A rectification deadline must be longer than zero.");
        var from = ShanghaiTime.DateOf(fromUtc);
        return Unit switch
        {
            DeadlineUnit.Minutes => fromUtc.AddMinutes(Amount),
            DeadlineUnit.WorkingDays => ShanghaiTime.StartOfDayUtc(calendar.AddWorkingDays(from, (int)Math.Ceiling(Amount)).AddDays(1)),
            _ => ShanghaiTime.StartOfDayUtc(from.AddDays((int)Math.Ceiling(Amount) + 1)),
        };
    }

    public string Describe() => Unit switch
    {
        DeadlineUnit.Minutes => $"{Amount} minutes",
        DeadlineUnit.WorkingDays => $"{Amount} working days",
        _ => $"{Amount} calendar days",
    };
}
