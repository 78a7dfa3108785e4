using System.Text.Json.Nodes;
using Grid.Grains.Evaluations;
using Grid.Testing;

namespace Grid.Gateway.Tests.Hotline;

/// <summary>
/// The gateway with an Open311 key, a drill clock in 通山县 (a working day lasts seconds, so a
/// supervision can be watched firing) and the shipped working-day calendar plus a two-day test holiday
/// on the next two weekdays: the real tables have no holiday near today's date, and the must-show test
/// needs its deadlines to cross one. An optional data directory lets a second instance start over the
/// first one's database, as a restarted process would.
/// </summary>
public class HotlineFactory : GatewayFactory
{
    public const string ApiKey = "open311-test-key";
    public const string TongchengCounty = "421222000000";
    public const string DrillCounty = "421224000000";
    public const string DrillTownship = "421224100000";
    private readonly Lazy<(string Path, WorkingDayCalendar Calendar, DateOnly[] Holidays)> _calendar = new(WriteCalendar);

    /// <summary>A data directory that outlives this instance; null uses the fixture's own temporary one.</summary>
    protected virtual string? SharedDataDirectory => null;

    /// <summary>The calendar the gateway counts with, and the test holiday it holds.</summary>
    public WorkingDayCalendar Calendar => _calendar.Value.Calendar;
    public IReadOnlyList<DateOnly> TestHolidays => _calendar.Value.Holidays;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        var settings = base.Settings().ToList();
        if (SharedDataDirectory is { } dir) settings.Add(new("Grid:DataDirectory", dir));
        settings.Add(new("Grid:Open311:ApiKeys:0", ApiKey));
        settings.Add(new("Grid:Evaluations:CalendarFile", _calendar.Value.Path));
        settings.Add(new($"Grid:Hotline:DrillMinutesPerWorkingDay:{DrillCounty}", "0.05"));
        return settings;
    }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static (string, WorkingDayCalendar, DateOnly[]) WriteCalendar()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(WorkingDayCalendar.ResourceName)!;
        var file = JsonNode.Parse(stream)!.AsObject();
        var holidays = new List<DateOnly>();
        for (var day = Today.AddDays(1); holidays.Count < 2; day = day.AddDays(1))
            if (WorkingDayCalendar.China.IsWorkingDay(day)) holidays.Add(day);
        foreach (var day in holidays)
        {
            var years = file["years"]!.AsObject();
            var year = day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (years[year] is null) years[year] = new JsonObject { ["holidays"] = new JsonArray(), ["adjustedWorkdays"] = new JsonArray() };
            years[year]!["holidays"]!.AsArray().Add(new JsonObject { ["name"] = "测试假日", ["from"] = $"{day:yyyy-MM-dd}", ["to"] = $"{day:yyyy-MM-dd}" });
        }
        var path = Path.Combine(Path.GetTempPath(), $"grid-hotline-calendar-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, file.ToJsonString());
        return (path, WorkingDayCalendar.FromFile(path), [.. holidays]);
    }
}

/// <summary>One process's lifetime over a data directory that the next instance reuses.</summary>
public sealed class RestartableHotlineFactory(string dataDirectory) : HotlineFactory
{
    protected override string? SharedDataDirectory => dataDirectory;
}

[CollectionDefinition(Name)]
public sealed class HotlineCollection : ICollectionFixture<HotlineFactory>
{
    public const string Name = "hotline";
}
