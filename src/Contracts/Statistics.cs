namespace Grid.Contracts;

/// <summary>
/// 好差评 results for a worker, item or region over [From, To] (Asia/Shanghai dates, by service completion).
/// Rates are fractions (0.9512 = 95.12 %), null when there was nothing to count. FlaggedEvaluations: ratings entered
/// or made possible by the person who served; with FlaggedExcluded (?excludeFlagged=true) every evaluation number
/// leaves them out, otherwise they are counted like any other.
/// </summary>
public sealed record StatisticsDto(
    string Dimension, string Key, DateOnly From, DateOnly To, string Scope,
    int Services, int Evaluations, IReadOnlyDictionary<Satisfaction, int> Levels, int BadReviews, int CalledBack,
    int RectificationsDue, int RectifiedOnTime, int Voided,
    double? SatisfactionRate, double? BadReviewRate, double? CallbackRate, double? OnTimeRectificationRate, double? AverageHoursToComplete,
    bool FlaggedExcluded = false, int FlaggedEvaluations = 0);

public sealed record MonthlySatisfactionDto(string Month, int Evaluations, double? SatisfactionRate, double? BadReviewRate, double? OnTimeRectificationRate);

/// <summary>The public, anonymous summary of a region: counts and rates only.</summary>
public sealed record RegionSatisfactionDto(string Code, string Name, IReadOnlyList<MonthlySatisfactionDto> Months);

public enum QualityVerdict { Keep, Review, Cancel }

/// <summary>Judged on unflagged ratings only; FlaggedEvaluations says how many flagged ones were left out.</summary>
public sealed record ItemAssessmentDto(
    string ItemCode, string ItemName, int Volume, double MonthlyVolume, double? AverageHoursToComplete, int Evaluations,
    double? SatisfactionRate, double? BadReviewRate, QualityVerdict Suggestion, IReadOnlyList<string> Reasons,
    int FlaggedEvaluations = 0);

public sealed record QualityAssessmentDto(string Region, DateOnly From, DateOnly To, IReadOnlyList<ItemAssessmentDto> Items);
