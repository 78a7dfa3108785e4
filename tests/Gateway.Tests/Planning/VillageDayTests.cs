using Grid.Contracts;
using Grid.Gateway.Apis.Dispatch;
using Grid.Grains.Dispatch;
using Grid.Grains.People;
using Grid.Planning;

namespace Grid.Gateway.Tests.Planning;

/// <summary>
/// A village's board and staff become a planning day by hand-checkable rules: 2026-12-03 10:02 in
/// Shanghai (02:02 UTC); W1 08:30–17:30 serving grid G1, W2 inactive, W3 of another village.
/// </summary>
public sealed class VillageDayTests
{
    private const string Village = "421202001001";
    private static readonly DateTime Now = new(2026, 12, 3, 2, 2, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static WorkerProfile Staff(string id, bool active = true, string village = Village, string start = "08:30", string end = "17:30") =>
        new(id, id, WorkerRole.GridWorker, village, [new GridAssignment("G1", Today.AddDays(-30), null)], ["disability"], 6,
            TimeOnly.Parse(start), TimeOnly.Parse(end), "13800000000", active, 29.84, 114.32);

    private static TaskSummary Task(string id, TaskStage stage, string? worker = null, TaskKind kind = TaskKind.Request,
        Urgency urgency = Urgency.Routine, DateTime? promised = null, string grid = "G1") =>
        new(id, kind, stage, urgency, "r-" + id, grid, Village, "JY-GF-001", [], worker, null, 29.85, 114.33,
            promised ?? Now.AddDays(2), 0);

    private static PlanningInstance Build(IReadOnlyList<TaskSummary> board, int? from = null) =>
        VillageDay.Build(Village, board, [Staff("W1"), Staff("W2", active: false), Staff("W3", village: "421202001002")], Now, from);

    [Fact]
    public void OnlyTheVillagesActiveWorkersPlanFromNowRoundedUpWithLunchAndEbike()
    {
        var day = Build([]);
        var w = Assert.Single(day.Workers);
        Assert.Equal("W1", w.Id);
        Assert.Equal("10:05", ClockTime.Format(w.Start));
        Assert.Equal("17:30", ClockTime.Format(w.End));
        Assert.Equal(new WorkerBreak(11 * 60 + 30, 13 * 60 + 30, 30), w.Break);
        Assert.Equal(TravelMode.EBike, w.Mode);
        Assert.Equal("421202", day.County);
        Assert.Equal("421202001001-2026-12-03", day.Name);
        Assert.Equal("08:30", ClockTime.Format(Build([], from: 7 * 60).Workers[0].Start));
    }

    [Fact]
    public void OpenTasksBecomeVisitsAndClosedOnesDoNot()
    {
        var day = Build([Task("t1", TaskStage.Queued), Task("t2", TaskStage.Completed), Task("t3", TaskStage.Cancelled),
            Task("t4", TaskStage.Offered, "W1", TaskKind.CareVisit), Task("t5", TaskStage.Accepted, "W1"), Task("t6", TaskStage.CheckedIn, "W1")]);
        Assert.Equal(["t1", "t4", "t5", "t6"], day.Visits.Select(v => v.Id));
        var t1 = day.Visits[0];
        Assert.Equal(("r-t1", 29.85, 114.33, VillageDay.RequestMinutes), (t1.ResidentId, t1.Lat, t1.Lng, t1.DurationMin));
        Assert.Equal(VillageDay.CareVisitMinutes, day.Visits[1].DurationMin);
    }

    [Fact]
    public void AcceptedAndStartedTasksAreCommittedToTheirWorkerOfferedOnesAreNot()
    {
        var day = Build([Task("t4", TaskStage.Offered, "W1"), Task("t5", TaskStage.Accepted, "W1"), Task("t6", TaskStage.CheckedIn, "W1"),
            Task("t7", TaskStage.Accepted, "W3")]);
        Assert.Equal([null, "W1", "W1", null], day.Visits.Select(v => v.WorkerId)); // W3 is not planned here, so t7 is free
    }

    [Fact]
    public void PromisesSetTheLatestStartAndThePriority()
    {
        var today15 = new DateTime(2026, 12, 3, 7, 0, 0, DateTimeKind.Utc);   // 15:00 Shanghai
        var today09 = new DateTime(2026, 12, 3, 1, 0, 0, DateTimeKind.Utc);   // 09:00, before now: overdue
        var day = Build([Task("due", TaskStage.Queued, promised: today15), Task("late", TaskStage.Queued, promised: today09),
            Task("later", TaskStage.Queued), Task("urgent", TaskStage.Queued, urgency: Urgency.Urgent)]);
        var v = day.Visits.ToDictionary(x => x.Id);
        Assert.Equal(("10:02", "15:00", 2), (ClockTime.Format(v["due"].Earliest), ClockTime.Format(v["due"].Latest), v["due"].Priority));
        Assert.Equal(("23:59", 3), (ClockTime.Format(v["late"].Latest), v["late"].Priority));
        Assert.Equal(("23:59", 1), (ClockTime.Format(v["later"].Latest), v["later"].Priority));
        Assert.Equal(3, v["urgent"].Priority);

        // Planned from 16:00, the 15:00 promise can no longer be kept: late, any time, priority 3.
        var afternoon = Build([Task("due", TaskStage.Queued, promised: today15)], from: 16 * 60).Visits.Single();
        Assert.Equal(("16:00", "23:59", 3), (ClockTime.Format(afternoon.Earliest), ClockTime.Format(afternoon.Latest), afternoon.Priority));
    }

    [Fact]
    public void AWorkerIsFamiliarWithTheResidentsOfItsGridsToday()
    {
        var day = Build([Task("t1", TaskStage.Queued), Task("t2", TaskStage.Queued, grid: "G9")]);
        Assert.Equal(["r-t1"], day.Workers[0].Familiar);
    }

    [Fact]
    public void AnAfternoonStartHasNoLunchAndTheDayPlansAndValidates()
    {
        Assert.Null(Build([], from: 14 * 60).Workers[0].Break);
        var day = Build([Task("t1", TaskStage.Queued), Task("t5", TaskStage.Accepted, "W1")], from: 8 * 60);
        var plan = VisitPlanner.Solve(day, new PlannerOptions(TimeSpan.FromSeconds(2), MaxIterations: 200));
        Assert.Empty(PlanValidator.Validate(day, plan));
        Assert.Equal(2, plan.Metrics.Assigned);
        var again = PlanJson.ReadInstance(PlanJson.WriteInstance(day));
        Assert.Equal(day.Visits.Select(x => (x.Id, x.WorkerId, x.Latest)), again.Visits.Select(x => (x.Id, x.WorkerId, x.Latest)));
        Assert.Equal(day.Workers[0].Break, again.Workers[0].Break);
    }
}
