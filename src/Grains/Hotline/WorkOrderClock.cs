using Grid.Grains.Evaluations;

namespace Grid.Grains.Hotline;

/// <summary>
/// Due instants in working days on the city's calendar: the day work starts is not counted and the
/// last working day ends at 24:00 Asia/Shanghai (as rectification deadlines count). A drill clock
/// replaces a working day by minutes.
/// </summary>
public sealed class WorkOrderClock(WorkingDayCalendar calendar, double? drillMinutes)
{
    public DateTime After(DateTime fromUtc, int workingDays) =>
        drillMinutes is { } m ? fromUtc.AddMinutes(m * workingDays)
        : EndOf(calendar.AddWorkingDays(ShanghaiTime.DateOf(fromUtc), workingDays));

    /// <summary>Moves a due instant on by <paramref name="workingDays"/> more working days (an approved extension).</summary>
    public DateTime Extend(DateTime dueUtc, int workingDays) =>
        drillMinutes is { } m ? dueUtc.AddMinutes(m * workingDays)
        : EndOf(calendar.AddWorkingDays(ShanghaiTime.DateOf(dueUtc.AddTicks(-1)), workingDays));

    private static DateTime EndOf(DateOnly day) => ShanghaiTime.StartOfDayUtc(day.AddDays(1));
}
