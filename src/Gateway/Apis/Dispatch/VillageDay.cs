using Grid.Contracts;
using Grid.Grains.Dispatch;
using Grid.Grains.Evaluations;
using Grid.Grains.People;
using Grid.Planning;

namespace Grid.Gateway.Apis.Dispatch;

/// <summary>
/// A village's open work today as a planning instance (grid-visits/1): its active workers with their
/// shifts from now on, and every open task on its board as a visit. The rules, chosen for village
/// work and written down here because the task itself does not carry them:
/// <list type="bullet">
/// <item>A visit lasts 45 minutes for an assisted-agency request (documents taken or handed over)
/// and 30 for a care visit; its id is the task's id and its place the task's (the resident's home).</item>
/// <item>A task accepted or under way is committed to its worker (<see cref="Visit.WorkerId"/>); a
/// queued or offered one may go to anyone with the skills, so the plan can suggest a better worker.</item>
/// <item>A task promised today must start by its promised time (priority 2 at least); one promised
/// earlier than now, or than the plan's start, is late: any time today, priority 3. Urgency gives the
/// priority otherwise.</item>
/// <item>Workers start at their shift's start or now, whichever is later, and travel by e-bike (the
/// common way round a village); a shift that spans 11:30–13:30 has a 30-minute lunch break in it.
/// A worker is familiar (就熟) with the residents of the grids it serves today.</item>
/// <item>Roads: the village's county factor (<see cref="CountyRoadFactors"/>).</item>
/// </list>
/// </summary>
public static class VillageDay
{
    public const int RequestMinutes = 45;
    public const int CareVisitMinutes = 30;
    private const int BreakEarliest = 11 * 60 + 30, BreakLatest = 13 * 60 + 30, BreakMinutes = 30;
    private const int LastMinute = 23 * 60 + 59;

    /// <summary>The day as of <paramref name="nowUtc"/>; <paramref name="from"/> (minutes after midnight) plans from another time of today instead of now, e.g. the morning's plan made before the shift.</summary>
    public static PlanningInstance Build(string villageCode, IReadOnlyList<TaskSummary> board, IReadOnlyList<WorkerProfile> profiles, DateTime nowUtc, int? from = null)
    {
        var today = ShanghaiTime.DateOf(nowUtc);
        var clock = Minute(nowUtc);
        var now = from ?? clock;
        var staff = profiles.Where(p => p.Active && p.VillageCode == villageCode).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var staffIds = staff.Select(p => p.Id).ToHashSet();
        var open = board.Where(t => t.Stage is TaskStage.Queued or TaskStage.Offered or TaskStage.Accepted or TaskStage.CheckedIn)
            .OrderBy(t => t.TaskId, StringComparer.Ordinal).ToList();
        var visits = open.Select(t => VisitOf(t, today, clock, now, staffIds)).ToList();
        var workers = staff.Select(p => WorkerOf(p, today, now, open)).ToList();
        return new PlanningInstance($"{villageCode}-{today:yyyy-MM-dd}", TravelModes.DefaultKmh(TravelMode.EBike), 1.3, workers, visits,
            County: villageCode.Length >= 6 ? villageCode[..6] : null);
    }

    /// <summary>Late is judged by the clock and the plan's start; the visit may start from the plan's start.</summary>
    private static Visit VisitOf(TaskSummary t, DateOnly today, int clock, int now, HashSet<string> staff)
    {
        var duration = t.Kind == TaskKind.CareVisit ? CareVisitMinutes : RequestMinutes;
        var promisedDay = ShanghaiTime.DateOf(t.PromisedByUtc);
        var promised = Minute(t.PromisedByUtc);
        // Late: promised before now, or before the plan can start (a plan from 08:00 cannot keep a 04:00 promise).
        var overdue = promisedDay < today || (promisedDay == today && promised < Math.Max(clock, now));
        var dueToday = promisedDay == today && !overdue;
        var priority = overdue ? 3 : Math.Max((int)t.Urgency, dueToday ? 2 : 1);
        var latest = dueToday ? promised : LastMinute;
        var committed = t.Stage is TaskStage.Accepted or TaskStage.CheckedIn && t.WorkerId is { } w && staff.Contains(w) ? t.WorkerId : null;
        return new Visit(t.TaskId, t.ResidentId, t.Lat, t.Lng, duration, Math.Min(now, latest), latest, t.Skills, priority, committed);
    }

    private static Worker WorkerOf(WorkerProfile p, DateOnly today, int now, IReadOnlyList<TaskSummary> open)
    {
        var end = p.WorkEnd.Hour * 60 + p.WorkEnd.Minute;
        var start = Math.Min(end, Math.Max(p.WorkStart.Hour * 60 + p.WorkStart.Minute, RoundUp(now)));
        var grids = p.GridsOn(today).ToHashSet();
        var familiar = open.Where(t => grids.Contains(t.GridId)).Select(t => t.ResidentId).Distinct().Order(StringComparer.Ordinal).ToList();
        // A break only when the shift still has the whole window's chance of one.
        WorkerBreak? lunch = start <= BreakLatest && end >= BreakEarliest + BreakMinutes && end - start >= 4 * 60
            ? new WorkerBreak(Math.Max(BreakEarliest, start), BreakLatest, BreakMinutes) : null;
        return new Worker(p.Id, p.Lat, p.Lng, start, end, Math.Max(0, p.DailyCapacity), p.Skills, familiar, lunch, TravelMode.EBike);
    }

    private static int Minute(DateTime utc)
    {
        var local = utc + ShanghaiTime.Offset;
        return local.Hour * 60 + local.Minute;
    }

    /// <summary>Plans start on the next five minutes, so a plan made at 10:02 does not promise a visit at 10:02.</summary>
    private static int RoundUp(int minute) => Math.Min(LastMinute, (minute + 4) / 5 * 5);
}
