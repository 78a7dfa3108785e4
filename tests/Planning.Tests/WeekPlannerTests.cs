using Grid.Planning.Weekly;

namespace Grid.Planning.Tests;

public sealed class WeekPlannerTests
{
    private static readonly Worker A = new("A", 29.84, 114.32, 8 * 60, 17 * 60, 6, [], []);
    private static readonly Worker B = new("B", 29.84, 114.32, 8 * 60, 17 * 60, 6, [], []);

    private static CareNeed Need(string resident, CareLevel level, int phase, int[] days, string? familiar) =>
        new(resident, 29.845, 114.325, level, phase, 30, 9 * 60, 16 * 60, days, familiar, []);

    /// <summary>A works Monday and Wednesday, B Tuesday to Friday; week 10.</summary>
    private static WeekInstance Week() => new("care", 10, 25, 1.3,
        [new WeekWorker(A, [1, 3]), new WeekWorker(B, [2, 3, 4, 5])],
        [
            Need("r1", CareLevel.Weekly, 0, [1, 2], "A"),
            Need("r2", CareLevel.Fortnightly, 0, [2, 3, 4], "A"),   // (10 − 0) mod 2 = 0: due
            Need("r3", CareLevel.Monthly, 1, [1, 2, 3], "B"),       // (10 − 1) mod 4 = 1: not due
            Need("r4", CareLevel.Weekly, 0, [6], "B"),              // Saturday: nobody works
            Need("r5", CareLevel.Weekly, 0, [2, 4], "B"),
            Need("r6", CareLevel.Weekly, 0, [2, 4], "B"),
        ]);

    [Fact]
    public void DueVisitsGoToAllowedDaysOfTheirFamiliarWorker()
    {
        var plan = WeekPlanner.Plan(Week(), TimeSpan.FromSeconds(2));
        Assert.Equal(["r3"], plan.NotDue);
        Assert.Equal(["r4"], plan.Unplaced);
        // r1 on Monday (A's day), r2 on Wednesday (A's other day), r5 and r6 spread over Tuesday and Thursday.
        var residentsByDay = plan.Days.ToDictionary(d => d.Day, d => d.Instance.Visits.Select(v => v.ResidentId).Single());
        Assert.Equal(new Dictionary<int, string> { [1] = "r1", [2] = "r5", [3] = "r2", [4] = "r6" }, residentsByDay);
        Assert.Equal((4, 4), (plan.Visits, plan.FamiliarVisits));
        foreach (var day in plan.Days)
        {
            Assert.Empty(PlanValidator.Validate(day.Instance, day.Plan));
            Assert.Empty(day.Plan.Unassigned);
        }
        // On Wednesday both work; the familiar one (A) makes r2's visit.
        Assert.Equal("A", plan.Days.Single(d => d.Day == 3).Plan.Routes.Single().WorkerId);
    }

    [Theory]
    [InlineData(CareLevel.Weekly, 0, new[] { true, true, true, true })]
    [InlineData(CareLevel.Fortnightly, 1, new[] { false, true, false, true })]
    [InlineData(CareLevel.Monthly, 2, new[] { false, false, true, false })]
    public void CareLevelsFallDueByWeek(CareLevel level, int phase, bool[] dueInWeeksZeroToThree)
    {
        var need = Need("r", level, phase, [1], null);
        Assert.Equal(dueInWeeksZeroToThree, Enumerable.Range(0, 4).Select(need.DueIn).ToArray());
    }
}
