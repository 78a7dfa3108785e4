namespace Grid.Grains.Evaluations;

/// <summary>
/// One service record as the statistics see it: the record, its evaluation (if rated) and how its
/// rectification went. Aggregation grains keep one fact per record and replace it when a newer
/// <see cref="Version"/> arrives, so re-delivery and out-of-order delivery do not double-count.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.service-fact")]
public sealed record ServiceFact(
    [property: Id(0)] string RecordId,
    [property: Id(1)] int Version,
    [property: Id(2)] string ItemCode,
    [property: Id(3)] string ItemName,
    [property: Id(4)] string StaffId,
    [property: Id(5)] string VillageCode,
    [property: Id(6)] DateTime CompletedAtUtc,
    [property: Id(7)] double? HoursToComplete,
    [property: Id(8)] Satisfaction? Level,
    [property: Id(9)] RectificationOutcome Outcome)
{
    public static ServiceFact From(ServiceRecordView view, int version) => new(
        view.Record.Id, version, view.Record.ItemCode, view.Record.ItemName, view.Record.StaffId, view.Record.VillageCode,
        view.Record.CompletedAtUtc,
        view.Record.StartedAtUtc is { } s ? Math.Round((view.Record.CompletedAtUtc - s).TotalHours, 3) : null,
        view.Evaluation?.Overall, view.Outcome);
}

/// <summary>Which facts to count: services completed in [FromUtc, ToUtc), inside a region, of one item.</summary>
[GenerateSerializer, Immutable, Alias("grid.stats-filter")]
public sealed record StatsFilter(
    [property: Id(0)] DateTime FromUtc,
    [property: Id(1)] DateTime ToUtc,
    [property: Id(2)] string? RegionScope,
    [property: Id(3)] string? ItemCode);

/// <summary>Counts that add up across months and regions; rates are derived from them, never added.</summary>
[GenerateSerializer, Immutable, Alias("grid.evaluation-tally")]
public sealed record EvaluationTally(
    [property: Id(0)] int Services,
    [property: Id(1)] int TimedServices,
    [property: Id(2)] double HoursToCompleteTotal,
    [property: Id(3)] int Evaluations,
    [property: Id(4)] IReadOnlyList<int> LevelCounts,
    [property: Id(5)] int BadReviews,
    [property: Id(6)] int CalledBack,
    [property: Id(7)] int RectificationsDue,
    [property: Id(8)] int RectifiedOnTime,
    [property: Id(9)] int Voided)
{
    public static readonly EvaluationTally Empty = new(0, 0, 0, 0, [0, 0, 0, 0, 0], 0, 0, 0, 0, 0);

    public EvaluationTally Add(EvaluationTally o) => new(
        Services + o.Services, TimedServices + o.TimedServices, HoursToCompleteTotal + o.HoursToCompleteTotal,
        Evaluations + o.Evaluations, LevelCounts.Zip(o.LevelCounts, (a, b) => a + b).ToList(), BadReviews + o.BadReviews,
        CalledBack + o.CalledBack, RectificationsDue + o.RectificationsDue, RectifiedOnTime + o.RectifiedOnTime, Voided + o.Voided);
}

[GenerateSerializer, Immutable, Alias("grid.item-tally")]
public sealed record ItemTally(
    [property: Id(0)] string ItemCode,
    [property: Id(1)] string ItemName,
    [property: Id(2)] EvaluationTally Tally);
