using Grid.Contracts;
using Grid.Grains.Evaluations;
using L = Grid.Contracts.Satisfaction;

namespace Grid.Evaluations.Tests;

public sealed class StatisticsCalculatorTests
{
    private static readonly DateTime March = new(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc);

    private static ServiceFact Fact(string id, L? level, RectificationOutcome? outcome = null, string village = "421202001002", double? hours = 2) =>
        new(id, 1, "ITEM", "事项", "staff", village, March, hours, level, outcome ?? RectificationOutcome.None);

    private static readonly StatsFilter All = new(DateTime.MinValue, DateTime.MaxValue, null, null);

    [Fact]
    public void RatesFollowTheirDefinitions()
    {
        ServiceFact[] facts =
        [
            Fact("a", L.VerySatisfied), Fact("b", L.Satisfied), Fact("c", L.BasicallySatisfied), Fact("d", null, hours: 4),
            Fact("e", L.Dissatisfied, new(true, true, true, false, false)),
            Fact("f", L.VeryDissatisfied, new(true, false, false, true, false)),
            Fact("g", L.Dissatisfied),
        ];

        var tally = EvaluationStatistics.Tally(facts, All);
        var rates = EvaluationStatistics.Rates(tally);

        Assert.Equal((7, 6, 3), (tally.Services, tally.Evaluations, tally.BadReviews));
        Assert.Equal(0.5, rates.SatisfactionRate);
        Assert.Equal(0.5, rates.BadReviewRate);
        Assert.Equal(0.6667, rates.CallbackRate);
        Assert.Equal(0.5, rates.OnTimeRectificationRate);
        Assert.Equal(Math.Round(16.0 / 7, 2), rates.AverageHoursToComplete);
    }

    [Fact]
    public void AVoidedReviewCountsAsAServiceButNotAsAnEvaluation()
    {
        var tally = EvaluationStatistics.Tally([Fact("a", L.Satisfied), Fact("b", L.VeryDissatisfied, new(false, false, false, false, true))], All);

        Assert.Equal((2, 1, 0, 1), (tally.Services, tally.Evaluations, tally.BadReviews, tally.Voided));
        Assert.Equal(1.0, EvaluationStatistics.Rates(tally).SatisfactionRate);
    }

    [Fact]
    public void NothingToCountGivesNoRateRatherThanZero()
    {
        var rates = EvaluationStatistics.Rates(EvaluationStatistics.Tally([Fact("a", null, hours: null)], All));

        Assert.Equal(new EvaluationRates(null, null, null, null, null), rates);
    }

    [Fact]
    public void TalliesOfPartsAddUpToTheTallyOfTheWhole()
    {
        var facts = Enumerable.Range(0, 40).Select(i => Fact($"r{i}", i % 6 == 5 ? null : (L)(i % 5),
            new(i % 3 == 0, i % 4 == 0, i % 8 == 0, i % 5 == 0, i % 11 == 0), i % 2 == 0 ? "421202001002" : "421202001003")).ToList();

        var whole = EvaluationStatistics.Tally(facts, All);
        var parts = EvaluationStatistics.Tally(facts.Take(17), All).Add(EvaluationStatistics.Tally(facts.Skip(17), All));

        var none = Array.Empty<int>();
        Assert.Equal(whole with { LevelCounts = none }, parts with { LevelCounts = none });
        Assert.Equal(whole.LevelCounts, parts.LevelCounts);
    }

    [Fact]
    public void TheFilterKeepsOnlyTheRegionAndPeriodAskedFor()
    {
        var facts = new[] { Fact("a", L.Satisfied), Fact("b", L.Satisfied, village: "421222100001") };

        var township = EvaluationStatistics.Tally(facts, new StatsFilter(March.AddDays(-1), March.AddDays(1), "421202001000", null));
        var april = EvaluationStatistics.Tally(facts, new StatsFilter(new DateTime(2026, 4, 1), new DateTime(2026, 5, 1), null, null));

        Assert.Equal(1, township.Services);
        Assert.Equal(0, april.Services);
    }

    [Fact]
    public void ALittleUsedItemIsSuggestedForCancellation()
    {
        var tally = EvaluationStatistics.Tally([Fact("a", L.Satisfied)], All);

        Assert.Equal(QualityVerdict.Cancel, DelegationQualityRules.Assess(tally, 3, new()).Verdict);
    }

    [Fact]
    public void AnItemWithManyBadReviewsIsSuggestedForReviewAndAWellRatedOneIsKept()
    {
        var poor = Enumerable.Range(0, 10).Select(i => Fact($"p{i}", i < 3 ? L.Dissatisfied : L.Satisfied));
        var good = Enumerable.Range(0, 10).Select(i => Fact($"g{i}", L.VerySatisfied));

        var review = DelegationQualityRules.Assess(EvaluationStatistics.Tally(poor, All), 1, new());
        var keep = DelegationQualityRules.Assess(EvaluationStatistics.Tally(good, All), 1, new());

        Assert.Equal(QualityVerdict.Review, review.Verdict);
        Assert.Contains(review.Reasons, r => r.StartsWith("Bad reviews"));
        Assert.Equal(QualityVerdict.Keep, keep.Verdict);
    }
}
