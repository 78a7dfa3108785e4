namespace Grid.Grains.Evaluations;

/// <summary>Thresholds of the delegation-list quality assessment (质效评估, Art. 34).</summary>
public sealed record QualityThresholds(
    double MinMonthlyVolume = 2,
    int MinEvaluationsToJudge = 5,
    double MinSatisfactionRate = 0.9,
    double MaxBadReviewRate = 0.05,
    double MaxAverageHoursToComplete = 120);

public sealed record QualitySuggestion(QualityVerdict Verdict, IReadOnlyList<string> Reasons);

/// <summary>
/// Art. 34: keep delegated items residents rate well, cancel those with little demand, and send the
/// rest to the working group for review (slow, poorly rated or often badly reviewed).
/// </summary>
public static class DelegationQualityRules
{
    public static QualitySuggestion Assess(EvaluationTally tally, int months, QualityThresholds t)
    {
        var rates = EvaluationStatistics.Rates(tally);
        var monthly = months <= 0 ? tally.Services : (double)tally.Services / months;
        if (monthly < t.MinMonthlyVolume)
            return new(QualityVerdict.Cancel, [$"Low demand: {monthly:0.##} services a month, below {t.MinMonthlyVolume:0.##} (群众需求不高)."]);
        var reasons = new List<string>();
        var judged = tally.Evaluations >= t.MinEvaluationsToJudge;
        if (judged && rates.SatisfactionRate < t.MinSatisfactionRate)
            reasons.Add($"Satisfaction {rates.SatisfactionRate:P1} is below {t.MinSatisfactionRate:P0}.");
        if (judged && rates.BadReviewRate > t.MaxBadReviewRate)
            reasons.Add($"Bad reviews {rates.BadReviewRate:P1} exceed {t.MaxBadReviewRate:P0}.");
        if (rates.AverageHoursToComplete > t.MaxAverageHoursToComplete)
            reasons.Add($"Takes {rates.AverageHoursToComplete:0.#} h on average to complete, more than {t.MaxAverageHoursToComplete:0.#} h.");
        if (reasons.Count > 0) return new(QualityVerdict.Review, reasons);
        return new(QualityVerdict.Keep, judged
            ? [$"Well received: {rates.SatisfactionRate:P1} satisfied over {tally.Evaluations} evaluations (群众反映较好)."]
            : [$"In demand ({monthly:0.##} a month); only {tally.Evaluations} evaluations, too few to judge satisfaction."]);
    }
}
