using Grid.Grains.Evaluations;

namespace Grid.Evaluations.Tests;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    private static DateTime Shanghai(int y, int m, int d, int h, int min = 0) =>
        new DateTimeOffset(y, m, d, h, min, 0, TimeSpan.FromHours(8)).UtcDateTime;

    [Fact]
    public void TheSpringFestivalHolidaysAreNotWorkingDaysButTheAdjustedSaturdaysAre()
    {
        Assert.False(China.IsWorkingDay(new DateOnly(2026, 2, 16)));
        Assert.False(China.IsWorkingDay(new DateOnly(2026, 2, 23)));
        Assert.True(China.IsWorkingDay(new DateOnly(2026, 2, 14)));
        Assert.True(China.IsWorkingDay(new DateOnly(2026, 2, 28)));
        Assert.True(China.IsWorkingDay(new DateOnly(2025, 10, 11)));
        Assert.False(China.IsWorkingDay(new DateOnly(2025, 10, 8)));
    }

    [Fact]
    public void SevenWorkingDaysFromAReviewBeforeTheSpringFestivalEndOnTheLastAdjustedSaturday()
    {
        // 2/13, 2/14 (调休), then 2/24–2/27 and 2/28 (调休): the holiday 2/15–2/23 does not count.
        var rule = new RectificationRule { Amount = 7, Unit = DeadlineUnit.WorkingDays };

        var due = rule.DueUtc(Shanghai(2026, 2, 12, 10), China);

        Assert.Equal(Shanghai(2026, 3, 1, 0), due);
    }

    [Fact]
    public void SevenCalendarDaysEndAtMidnightShanghaiTimeOfTheSeventhDayAfterTheReview()
    {
        var rule = new RectificationRule();

        Assert.Equal(Shanghai(2026, 2, 20, 0), rule.DueUtc(Shanghai(2026, 2, 12, 10), China));
    }

    [Fact]
    public void AReviewJustAfterMidnightShanghaiTimeCountsFromTheShanghaiDate()
    {
        var rule = new RectificationRule { Amount = 7, Unit = DeadlineUnit.WorkingDays };

        // 00:30 on Friday 2/13 in Shanghai is still Thursday in UTC; the count starts after Friday.
        var due = rule.DueUtc(Shanghai(2026, 2, 13, 0, 30), China);

        Assert.Equal(Shanghai(2026, 3, 3, 0), due);
    }

    [Fact]
    public void SevenWorkingDaysAcrossTheNationalDayWeekIncludeTheAdjustedSaturday()
    {
        Assert.Equal(new DateOnly(2025, 10, 16), China.AddWorkingDays(new DateOnly(2025, 9, 30), 7));
    }

    [Fact]
    public void AYearTheTablesDoNotCoverCountsMondayToFriday()
    {
        Assert.DoesNotContain(2027, China.CoveredYears);
        Assert.Equal(new DateOnly(2027, 3, 10), China.AddWorkingDays(new DateOnly(2027, 3, 1), 7));
    }

    [Fact]
    public void ACorrectedCalendarFileReplacesTheShippedTables()
    {
        const string json = """{ "years": { "2027": { "holidays": [ { "name": "test", "from": "2027-03-02", "to": "2027-03-03" } ], "adjustedWorkdays": [ "2027-03-06" ] } } }""";

        var calendar = WorkingDayCalendar.FromJson(json);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 3, 2)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 3, 6)));
        Assert.Equal(new DateOnly(2027, 3, 8), calendar.AddWorkingDays(new DateOnly(2027, 3, 1), 4));
    }

    [Fact]
    public void AHolidayRangeOutsideItsYearIsRejected()
    {
        const string json = """{ "years": { "2027": { "holidays": [ { "name": "bad", "from": "2026-12-31", "to": "2027-01-01" } ], "adjustedWorkdays": [] } } }""";

        Assert.Throws<FormatException>(() => WorkingDayCalendar.FromJson(json));
    }

    [Fact]
    public void TheMostSpecificRegionRuleApplies()
    {
        var options = new EvaluationOptions
        {
            RegionRules =
            {
                ["421222000000"] = new() { Amount = 5 },
                ["421222100000"] = new() { Amount = 3, Unit = DeadlineUnit.WorkingDays },
            },
        };

        Assert.Equal(3, options.RuleFor("421222100001").Amount);
        Assert.Equal(5, options.RuleFor("421222101001").Amount);
        Assert.Equal(7, options.RuleFor("421202001002").Amount);
    }
}
