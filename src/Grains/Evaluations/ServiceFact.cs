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
    [property: Id(9)] RectificationOutcome Outcome,
    [property: Id(10)] bool Flagged = false)
{
    public static ServiceFact From(ServiceRecordView view, int version) => new(
        view.Record.Id, version, view.Record.ItemCode, view.Record.ItemName, view.Record.StaffId, view.Record.VillageCode,
        view.Record.CompletedAtUtc,
        view.Record.StartedAtUtc is { } s ? Math.Round((view.Record.CompletedAtUtc - s).TotalHours, 3) : null,
        view.Evaluation?.Overall, view.Outcome, view.Evaluation?.Flagged ?? false);
}

/// <summary>
/// Which facts to count: services completed in [FromUtc, ToUtc), inside a region, of one item.
/// <see cref="ExcludeFlagged"/> leaves flagged ratings out of every evaluation number (the services stay counted).
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.stats-filter")]
public sealed record StatsFilter(
    [property: Id(0)] DateTime FromUtc,
    [property: Id(1)] DateTime ToUtc,
    [property: Id(2)] string? RegionScope,
    [property: Id(3)] string? ItemCode,
    [property: Id(4)] bool ExcludeFlagged = false);

/// <summary>
/// Counts that add up across months and regions; rates are derived from them, never added.
/// <see cref="Flagged"/>: flagged ratings among the facts (left out of the other numbers when the filter excluded them).
/// </summary>
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
    [property: Id(9)] int Voided,
    [property: Id(10)] int Flagged = 0)
{
    public static readonly EvaluationTally Empty = new(0, 0, 0, 0, [0, 0, 0, 0, 0], 0, 0, 0, 0, 0, 0);

    public EvaluationTally Add(EvaluationTally o) => new(
        Services + o.Services, TimedServices + o.TimedServices, HoursToCompleteTotal + o.HoursToCompleteTotal,
        Evaluations + o.Evaluations, LevelCounts.Zip(o.LevelCounts, (a, b) => a + b).ToList(), BadReviews + o.BadReviews,
        CalledBack + o.CalledBack, RectificationsDue + o.RectificationsDue, RectifiedOnTime + o.RectifiedOnTime, Voided + o.Voided,
        Flagged + o.Flagged);
}

[GenerateSerializer, Immutable, Alias("grid.item-tally")]
public sealed record ItemTally(
    [property: Id(0)] string ItemCode,
    [property: Id(1)] string ItemName,
    [property: Id(2)] EvaluationTally Tally);
