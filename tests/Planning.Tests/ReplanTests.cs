using System.Diagnostics;
using Grid.Planning.Replanning;

namespace Grid.Planning.Tests;

public sealed class ReplanTests
{
    private const int Eleven = 11 * 60;

    [Fact]
    public void TwentyUrgentVisitsJoinTheCityDayEachWithinASecondKeepingPinnedVisits()
    {
        var day = InstanceGenerator.Generate(400, 60, seed: 1);
        var plan = VisitPlanner.Solve(day, new PlannerOptions(TimeSpan.FromSeconds(30), MaxIterations: 20_000));
        Assert.Empty(PlanValidator.Validate(day, plan));
        var inserted = 0;
        var urgents = InstanceGenerator.UrgentVisits(day, 20, Eleven, seed: 7);
        Assert.Equal(20, urgents.Count);
        foreach (var urgent in urgents)
        {
            var clock = Stopwatch.StartNew();
            var result = Replanner.InsertUrgent(day, plan, Eleven, urgent);
            Assert.InRange(clock.Elapsed.TotalSeconds, 0, 1);
            Assert.Empty(PlanValidator.Validate(result.Instance, result.After));
            Assert.True(result.PinnedVisits > 0, "by 11:00 some visits have started");
            AssertPinnedUnchanged(plan, result.After, Eleven);
            if (result.WorkerId is not null)
            {
                inserted++;
                var stop = result.After.Routes.Single(r => r.WorkerId == result.WorkerId).Stops.Single(s => s.VisitId == urgent.Id);
                Assert.InRange(stop.Start, Eleven, Eleven + 180);
            }
            (day, plan) = (result.Instance, result.After);
        }
        Assert.True(inserted >= 15, $"only {inserted} of 20 urgent visits found a worker");
    }

    [Fact]
    public void AnUrgentVisitPushesTheLaterVisitAndTheMeasureCountsIt()
    {
        // One worker at the office; v1 at 9:00 is done by 11:00; v2 starts at 12:00 a kilometre away.
        var day = new PlanningInstance("hand", 60, 1.0,
            [new Worker("w", 29.84, 114.32, 8 * 60, 18 * 60, 5, [], [])],
            [
                new Visit("v1", "r1", 29.85, 114.32, 30, 9 * 60, 9 * 60, [], 1),
                new Visit("v2", "r2", 29.85, 114.33, 60, 12 * 60, 12 * 60 + 30, [], 1),
            ]);
        var plan = VisitPlanner.Solve(day, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 200));
        Assert.Equal(["v1", "v2"], plan.Routes.Single().Stops.Select(s => s.VisitId));
        // The urgent visit (at v2's door, 50 minutes from 11:00 to 12:00) makes v2 wait until it is done.
        var urgent = new Visit("u", "ru", 29.85, 114.33, 50, Eleven, Eleven + 30, [], 3);
        var result = Replanner.InsertUrgent(day, plan, Eleven, urgent);
        Assert.Equal("w", result.WorkerId);
        Assert.Equal(1, result.PinnedVisits);
        Assert.Empty(PlanValidator.Validate(result.Instance, result.After));
        var stops = result.After.Routes.Single().Stops;
        Assert.Equal(["v1", "u", "v2"], stops.Select(s => s.VisitId));
        // From v1 (done 9:30) the worker leaves at 11:00, rides ~0.97 km at 60 km/h, starts u at ~11:01, ends ~11:51; v2 keeps 12:00.
        Assert.Equal(0, result.Disruption.VisitsMoved);
        var later = new Visit("u2", "ru2", 29.85, 114.33, 80, Eleven, Eleven + 30, [], 3);
        var pushed = Replanner.InsertUrgent(day, plan, Eleven, later);
        Assert.Equal(1, pushed.Disruption.VisitsMoved);
        Assert.Equal("v2", pushed.Disruption.Moves.Single().VisitId);
        Assert.InRange(pushed.Disruption.MinutesShifted, 20, 23); // v2 now starts after u2 ends (~11:01 + 80 min).
    }

    [Fact]
    public void AWorkersBreakStaysInTheReplannedDay()
    {
        // One worker, break of 30 min starting 11:00–13:00; at 10:00 the first visit (09:00) is done.
        var day = new PlanningInstance("break", 60, 1.0,
            [new Worker("w", 29.84, 114.32, 8 * 60, 18 * 60, 5, [], [], new WorkerBreak(11 * 60, 13 * 60, 30))],
            [
                new Visit("v1", "r1", 29.85, 114.32, 30, 9 * 60, 9 * 60, [], 1),
                new Visit("v2", "r2", 29.85, 114.33, 60, 12 * 60, 12 * 60 + 30, [], 1),
            ]);
        var plan = VisitPlanner.Solve(day, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 200));
        Assert.NotNull(plan.Routes.Single().Break);
        var urgent = new Visit("u", "ru", 29.85, 114.33, 40, 10 * 60, 12 * 60, [], 3);
        var result = Replanner.InsertUrgent(day, plan, 10 * 60, urgent);
        Assert.Equal("w", result.WorkerId);
        Assert.Empty(PlanValidator.Validate(result.Instance, result.After));
        var pause = result.After.Routes.Single().Break!;
        Assert.InRange(pause.Start, 11 * 60, 13 * 60);
    }

    [Fact]
    public void AVisitAlreadyInTheDayIsRejected()
    {
        var day = TestData.Tiny();
        var plan = VisitPlanner.Solve(day, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 100));
        var e = Assert.Throws<PlanningFormatException>(() => Replanner.InsertUrgent(day, plan, Eleven, day.Visits[0]));
        Assert.Contains("already in the day", e.Message);
    }

    private static void AssertPinnedUnchanged(Plan before, Plan after, int now)
    {
        var afterStops = after.Routes.SelectMany(r => r.Stops.Select(s => (r.WorkerId, s))).ToDictionary(x => x.s.VisitId);
        var pinned = before.Routes.SelectMany(r => r.Stops.Where(s => s.Start < now).Select(s => (r.WorkerId, s))).ToList();
        Assert.NotEmpty(pinned);
        foreach (var (worker, stop) in pinned) Assert.Equal((worker, stop), afterStops[stop.VisitId]);
    }
}
