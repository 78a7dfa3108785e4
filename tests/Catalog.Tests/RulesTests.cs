using Grid.Contracts;
using Grid.Grains.Catalog;
using Grid.Grains.Common;
using Grid.Grains.Delegation;
using Grid.Grains.Entitlements;
using Grid.Grains.People;
using static Grid.Catalog.Tests.TestData;

namespace Grid.Catalog.Tests;

public sealed class RulesTests
{
    [Fact]
    public void ConsistencyComparesCommonElementsAndIgnoresLocalOnes()
    {
        var city = Item("A-001");
        var local = city with { Department = "咸安区民政局", Levels = [ServiceLevel.Village], RequiredSkills = [], ProcessSteps = ["受理", "办结"], QuantityLimit = "每人一次" };

        var diffs = ConsistencyRules.Compare(city, local);

        Assert.Equal(["quantityLimit", "processSteps"], diffs.Select(d => d.Element).ToList());
        Assert.Equal("受理 → 审核 → 审批 → 办结", diffs[1].CityValue);
    }

    [Theory]
    [InlineData(0, FrequencyClass.Low)]
    [InlineData(23, FrequencyClass.Low)]
    [InlineData(24, FrequencyClass.Medium)]
    [InlineData(119, FrequencyClass.Medium)]
    [InlineData(120, FrequencyClass.High)]
    public void FrequencyClassFollowsMonthlyRequestsOverAYear(long requests, FrequencyClass expected) =>
        Assert.Equal(expected, FrequencyClassifier.Classify(requests, 12));

    [Fact]
    public void AgeComesFromTheIdNumbersBirthDateAndCountsWholeYears()
    {
        var birth = EligibilityRules.BirthDateOf("421202194503150012");

        Assert.Equal(new DateOnly(1945, 3, 15), birth);
        Assert.Equal(79, EligibilityRules.AgeOn(birth!.Value, new DateOnly(2025, 3, 14)));
        Assert.Equal(80, EligibilityRules.AgeOn(birth.Value, new DateOnly(2025, 3, 15)));
        Assert.Null(EligibilityRules.BirthDateOf("42120219451399001X"));
    }

    [Fact]
    public void ARuleNeedsEveryListedNeedOneOfTheAnyNeedsAndTheAgeAndCareLevel()
    {
        var rule = new EligibilityRule([Need.Aged], [Need.LivingAlone, Need.Disabled], 70, null, 2);
        var today = new DateOnly(2025, 6, 1);

        Assert.True(EligibilityRules.Evaluate(rule, new ResidentFacts([Need.Aged, Need.Disabled], 2, new DateOnly(1950, 1, 1)), today).Eligible);
        Assert.False(EligibilityRules.Evaluate(rule, new ResidentFacts([Need.Aged], 3, new DateOnly(1950, 1, 1)), today).Eligible);
        Assert.False(EligibilityRules.Evaluate(rule, new ResidentFacts([Need.Aged, Need.LivingAlone], 1, new DateOnly(1950, 1, 1)), today).Eligible);
        Assert.False(EligibilityRules.Evaluate(rule, new ResidentFacts([Need.Aged, Need.LivingAlone], 2, new DateOnly(1960, 1, 1)), today).Eligible);
        Assert.False(EligibilityRules.Evaluate(rule, new ResidentFacts([Need.Aged, Need.LivingAlone], 2, null), today).Eligible);
    }

    [Fact]
    public void PersonalDataIsMaskedKeepingOnlyWhatIdentifiesTheRecord()
    {
        Assert.Equal("王**", PersonalDataMask.Name("王小明"));
        Assert.Equal("421202********0012", PersonalDataMask.IdNumber("421202194503150012"));
    }

    [Fact]
    public void TheWorkflowRefusesTheWrongRoleAnotherDepartmentAndAWrongStage()
    {
        var p = new DelegationProposal("P001", "421202001000", "MZ-GF-001", "高龄津贴申领", "民政局", DelegationChange.Add, ServiceLevel.Township,
            null, "x", new FrequencyEvidence(FrequencyClass.High, "department-survey", null, null), ProposalStage.Drafted, [], null);
        var mine = new Actor("d", Roles.Department, "民政局", RegionCodes.City);
        var other = new Actor("r", Roles.Department, "医疗保障局", RegionCodes.City);

        Assert.Equal(ProposalStage.PartyGroupReviewed, DelegationWorkflow.Next(p, DelegationStep.PartyGroupReview, mine, true));
        Assert.Equal(ProposalStage.Rejected, DelegationWorkflow.Next(p, DelegationStep.PartyGroupReview, mine, false));
        Assert.Throws<ForbiddenException>(() => DelegationWorkflow.Next(p, DelegationStep.PartyGroupReview, other, true));
        Assert.Throws<ConflictException>(() => DelegationWorkflow.Next(p, DelegationStep.Aggregation, new Actor("b", Roles.DataBureau, null, RegionCodes.City), true));
    }

    [Fact]
    public void CatalogSearchMatchesChineseNamesPagesAndDefaultsToTheCity()
    {
        CatalogEntry E(string region, string code, string name) => new(region, code, name, ServiceItemType.PublicService,
            PublicServiceField.SocialInsurance, [ServiceLevel.Township], "人力资源和社会保障局", 1, []);
        var entries = new[] { E(City, "RS-1", "城乡居民基本养老保险参保登记"), E(City, "RS-2", "城乡居民基本养老保险待遇申领"), E(City, "YB-1", "医保参保登记"), E(Xianan, "RS-1", "城乡居民基本养老保险参保登记") };

        var page = CatalogSearch.Run(entries, new CatalogQuery("养老 保险", null, null, null, null, null, null, 1, 1));

        Assert.Equal(2, page.Total);
        Assert.Equal("RS-2", Assert.Single(page.Items).Code);
        Assert.Equal(2, CatalogSearch.Run(entries, new CatalogQuery("参保登记", null, null, null, null, null, null, 0, 10)).Total);
    }
}
