using Grid.Contracts;
using Grid.Grains.Dispatch;
using Grid.Grains.People;

namespace Grid.Dispatch.Tests;

public sealed class CareVisitPolicyTests
{
    private const string Village = "421202001001";
    private static readonly CareVisitPolicy Defaults = new(CareVisitPolicy.Defaults);

    [Fact]
    public void AnAgedResidentLivingAloneIsVisitedWeekly() =>
        Assert.Equal(7, Defaults.IntervalDays(Village, [Need.Aged, Need.LivingAlone], 2));

    [Fact]
    public void CareLevelSetsTheIntervalWhenNoNeedRuleIsStricter()
    {
        Assert.Equal(14, Defaults.IntervalDays(Village, [Need.Aged], 2));
        Assert.Equal(30, Defaults.IntervalDays(Village, [Need.Aged], 1));
        Assert.Equal(7, Defaults.IntervalDays(Village, [Need.Disabled], 3));
    }

    [Fact]
    public void AMoreSpecificRegionsRulesReplaceTheCitysRules()
    {
        var policy = new CareVisitPolicy([.. CareVisitPolicy.Defaults, new CareVisitRule { RegionCode = "421202001000", IntervalDays = 3 }]);
        Assert.Equal(3, policy.IntervalDays(Village, [Need.Aged], 1));
        Assert.Equal(30, policy.IntervalDays("421202002001", [Need.Aged], 1));
    }

    [Fact]
    public void AVisitIsDueTheIntervalAfterTheLastOneOrAtOnceWhenNeverVisited()
    {
        var today = new DateOnly(2026, 12, 1);
        Assert.Equal(new DateOnly(2026, 11, 25), Defaults.NextDue(Village, [Need.Aged, Need.LivingAlone], 2, new DateOnly(2026, 11, 18), today));
        Assert.Equal(today, Defaults.NextDue(Village, [Need.Aged], 1, null, today));
    }

    [Fact]
    public void NoRuleForARegionMeansNoVisits()
    {
        var policy = new CareVisitPolicy([new CareVisitRule { RegionCode = "421222000000", IntervalDays = 7 }]);
        Assert.Null(policy.IntervalDays(Village, [Need.Aged], 3));
    }
}
